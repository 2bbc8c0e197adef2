CREATE TABLE host_orders (id bigserial PRIMARY KEY, item text NOT NULL);
