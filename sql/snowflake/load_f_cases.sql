insert into f_cases select v.*, localtimestamp() from v_case_facts v;
