create table stg_#table_name# (ts timestamp, cid integer, event varchar);
