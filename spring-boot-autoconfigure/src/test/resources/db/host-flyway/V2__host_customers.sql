CREATE TABLE host_customers (id bigserial PRIMARY KEY, name text NOT NULL);
