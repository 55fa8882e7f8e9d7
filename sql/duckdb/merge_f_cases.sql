-- upsert the cases the increment touches: new cases and cases with new log lines
-- (DuckDB's own upsert; a delete and insert of the same keys in one transaction trips its index)
insert or replace into f_cases
select v.*, localtimestamp from v_case_facts v
where v.case_id in (select cid from stg_new_cases union select cid from stg_new_logs);
