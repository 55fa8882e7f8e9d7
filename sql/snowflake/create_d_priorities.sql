create table d_priorities (
    id integer primary key, name varchar not null,
    assign_sla_hours integer, response_sla_hours integer, resolve_sla_hours integer
);
