-- Service-level misses: a run (scope '') or one of its entries (scope: the entry's name) still
-- running after its "sla". One row each: the OnSlaMiss handlers run once per run and scope.
create table sla_misses (
    run_id varchar(26) not null,
    scope varchar(300) not null,
    sla_ms bigint not null,
    missed_ms bigint not null,
    handlers text,
    primary key (run_id, scope)
);
