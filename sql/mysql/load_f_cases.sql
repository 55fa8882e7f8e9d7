insert into f_cases select v.*, now(6) from v_case_facts v;
