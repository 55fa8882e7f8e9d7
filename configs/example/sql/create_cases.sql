/* one row per support case */
create table #table_name# (
    id       integer primary key,
    team_id  integer not null,
    opened   timestamp not null,
    closed   timestamp
);
