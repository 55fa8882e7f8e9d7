create table #schema#.#table_name# (cid integer primary key, aid integer, created timestamp);
