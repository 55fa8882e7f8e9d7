-- upsert the cases the increment touches: new cases and cases with new log lines
delete from f_cases
where case_id in (select cid from stg_new_cases union select cid from stg_new_logs);
insert into f_cases
select v.*, now(6) from v_case_facts v
where v.case_id in (select cid from stg_new_cases union select cid from stg_new_logs);
