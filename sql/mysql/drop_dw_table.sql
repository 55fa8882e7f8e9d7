drop table #table_name#;
