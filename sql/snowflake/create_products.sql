create table stg_#table_name# (pid integer, name varchar, parent_pid integer);
