-- The files a trigger (dataload watch) has taken, each version once: a folder's file by size and
-- modification time, an S3 object by its ETag. A row is claimed before the run starts (status
-- running, with the run's id), and ends done or failed with the run.
create table ledger (
    source varchar(1000) not null,
    item_key varchar(2000) not null,
    version varchar(200) not null,
    status varchar(20) not null,
    run_id varchar(26),
    attempts integer not null,
    first_seen_ms bigint not null,
    updated_ms bigint not null,
    message text,
    primary key (source, item_key, version)
);
