create table #table_name# (
    id    integer primary key,
    name  varchar not null   -- the team's display name
);
