select * from f_cases
