-- Where each incremental extract has got to: the values of its columns in the last row it wrote.
-- A watermark moves only in the transaction that records its run's success.
create table watermarks (
    action_file varchar(2000) not null,
    entry varchar(200) not null,
    action varchar(200) not null,
    target varchar(2000) not null,
    columns_json text not null,
    value_json text not null,
    run_id varchar(26) not null,
    updated_ms bigint not null,
    primary key (action_file, entry, action, target)
);
