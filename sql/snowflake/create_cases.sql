create table stg_#table_name# (cid integer, priority integer, created timestamp, aid integer, pid integer);
