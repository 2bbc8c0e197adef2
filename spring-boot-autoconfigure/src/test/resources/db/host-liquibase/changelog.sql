--liquibase formatted sql

--changeset host:1
CREATE TABLE host_orders (id bigserial PRIMARY KEY, item text NOT NULL);

--changeset host:2
CREATE TABLE host_customers (id bigserial PRIMARY KEY, name text NOT NULL);
