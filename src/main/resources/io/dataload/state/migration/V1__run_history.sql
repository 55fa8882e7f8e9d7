-- One row per run (a chained run is a row of its own, with its parent), one per action attempt.
-- Times are milliseconds since the epoch (UTC); texts are masked before they are written.
create table runs (
    run_id varchar(26) primary key,
    parent_run_id varchar(26),
    trigger_kind varchar(20) not null,
    tool varchar(40) not null,
    action_file varchar(1000) not null,
    file_path varchar(2000),
    action varchar(200) not null,
    starting_table varchar(200),
    attempt integer not null,
    arguments text not null,
    resource_file varchar(1000),
    user_name varchar(200),
    host varchar(200),
    pid bigint,
    started_ms bigint not null,
    finished_ms bigint,
    outcome varchar(20) not null,
    exit_code integer,
    log_file varchar(2000)
);
create index runs_by_start on runs (started_ms);
create index runs_by_parent on runs (parent_run_id);

create table attempts (
    run_id varchar(26) not null,
    seq integer not null,
    entry varchar(200) not null,
    action varchar(200) not null,
    script varchar(1000),
    attempt integer not null,
    started_ms bigint,
    finished_ms bigint,
    rows_count bigint not null,
    status varchar(20) not null,
    sqlstate varchar(10),
    vendor_code integer,
    message text,
    error_file varchar(1000),
    statement_no integer,
    line_no integer,
    error_text text,
    primary key (run_id, seq)
);
