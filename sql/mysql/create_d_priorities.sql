create table d_priorities (
    id integer primary key, name varchar(100) not null,
    assign_sla_hours integer, response_sla_hours integer, resolve_sla_hours integer
);
