create table stg_#table_name# (pid integer, name varchar(100), parent_pid integer);
