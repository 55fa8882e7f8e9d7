-- one yearly HR snapshot (analysts_YYYY) or the increment's current snapshot (new_analysts)
create table stg_#table_name# (
    aid integer, name varchar, team varchar, skills varchar, created timestamp, updated timestamp
);
