-- customers: id, name, balance, since
create table #table_name# (
    id      integer primary key,
    name    varchar(100),
    balance decimal(10,2),
    since   timestamp null
);
