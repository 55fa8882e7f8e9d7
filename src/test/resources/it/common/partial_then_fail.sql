insert into t_orders (id, customer_id) values (100, 1);
insert into t_orders (id, customer_id) values (101, 1);
select * from no_such_table;
