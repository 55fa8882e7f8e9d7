-- the increment joins the staged history; running it twice adds nothing the second time
insert into stg_cases
select * from stg_new_cases n where not exists (select 1 from stg_cases c where c.cid = n.cid);
insert into stg_logs
select distinct * from stg_new_logs n
where not exists (select 1 from stg_logs l where l.cid = n.cid and l.ts = n.ts and l.event = n.event);
