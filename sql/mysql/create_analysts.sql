-- one yearly HR snapshot (analysts_YYYY) or the increment's current snapshot (new_analysts)
create table stg_#table_name# (
    aid integer, name varchar(100), team varchar(100), skills varchar(100), created datetime(6), updated datetime(6),
    key (aid)
);
