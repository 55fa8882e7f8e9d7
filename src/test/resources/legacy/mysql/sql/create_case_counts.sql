create table #schema#.#table_name# (team varchar(20) primary key, cases integer);
