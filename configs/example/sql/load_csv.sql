delete from #table_name#;
insert into #table_name#
select * from read_csv('#data#/#table_name#.csv', header = false, auto_detect = true);
