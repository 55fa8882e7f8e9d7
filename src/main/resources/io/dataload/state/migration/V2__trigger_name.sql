-- What started a run beyond its kind: a schedule's job name, a watched folder, a worker's queue.
alter table runs add column trigger_name varchar(200);
