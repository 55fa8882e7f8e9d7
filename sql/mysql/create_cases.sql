create table stg_#table_name# (cid integer, priority integer, created datetime(6), aid integer, pid integer,
    key (cid));
