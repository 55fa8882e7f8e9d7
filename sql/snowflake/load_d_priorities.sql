insert into d_priorities values (-1, 'Unknown', null, null, null);
insert into d_priorities select * from stg_priorities;
