drop view if exists v_case_facts;
drop table f_cases;
