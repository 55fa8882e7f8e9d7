# MySQL comment: the Python wrapper sent this file as one multi-statement text
delete from #table_name#;
LOAD DATA LOCAL INFILE 'data/#table_name#.csv' INTO TABLE #table_name#
  FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\n';
