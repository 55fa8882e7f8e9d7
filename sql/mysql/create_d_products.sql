-- the product hierarchy flattened: one row per product, group and line, ancestors repeated
create table d_products (
    id integer primary key, pid integer not null, level varchar(100) not null,
    product_line varchar(100) not null, product_group varchar(100) not null, product varchar(100) not null
);
