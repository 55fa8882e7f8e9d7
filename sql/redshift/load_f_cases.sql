insert into f_cases select * from v_case_facts;
