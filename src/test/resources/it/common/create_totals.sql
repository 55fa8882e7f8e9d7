create table #table_name# (orders integer);
