create table #table_name# (id integer primary key, name varchar(50), score decimal(6,2), joined timestamp null);
