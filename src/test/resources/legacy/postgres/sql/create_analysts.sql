create table #schema#.#table_name# (aid integer primary key, name varchar(50), team varchar(20));
