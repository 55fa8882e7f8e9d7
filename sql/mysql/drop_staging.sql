drop table stg_#table_name#;
