-- Run requests that workers (dataload worker) take from a queue: one row per request, leased by one
-- worker at a time and renewed while its run goes. run_id is the request's current execution: the
-- request's own id at first, a new one when a worker died and another ran it again (the first then
-- shows as abandoned). The row completes in the transaction that records the run's outcome.
create table leases (
    request_id varchar(26) primary key,
    run_id varchar(26) not null,
    state varchar(20) not null,
    worker varchar(300) not null,
    action_file varchar(1000),
    action varchar(200),
    deliveries integer not null,
    acquired_ms bigint not null,
    expires_ms bigint not null,
    outcome varchar(20),
    exit_code integer,
    message text
);
-- the request a worker's run executes (null for runs not from a queue)
alter table runs add column request_id varchar(26);
create index runs_by_request on runs (request_id);
