select count(*) from stg_landed_cases;
