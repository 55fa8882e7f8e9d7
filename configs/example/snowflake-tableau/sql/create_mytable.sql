create table if not exists mydb.myschema.mytable (
    id integer,
    customer varchar,
    amount decimal(12, 2),
    ordered_at timestamp
);
