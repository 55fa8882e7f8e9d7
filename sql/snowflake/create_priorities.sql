create table stg_#table_name# (
    id integer, name varchar, assign_sla_hours integer, response_sla_hours integer, resolve_sla_hours integer
);
