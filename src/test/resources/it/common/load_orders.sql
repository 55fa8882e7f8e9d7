delete from #table_name#;
insert into #table_name# (id, customer_id) values (1, 1), (2, 1), (3, 2);
