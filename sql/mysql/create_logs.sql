create table stg_#table_name# (ts datetime(6), cid integer, event varchar(100),
    key (cid, ts));
