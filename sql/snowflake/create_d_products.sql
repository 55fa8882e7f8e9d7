-- the product hierarchy flattened: one row per product, group and line, ancestors repeated
create table d_products (
    id integer primary key, pid integer not null, level varchar not null,
    product_line varchar not null, product_group varchar not null, product varchar not null
);
