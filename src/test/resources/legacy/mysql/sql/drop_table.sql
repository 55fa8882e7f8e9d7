drop table #schema#.#table_name#;
