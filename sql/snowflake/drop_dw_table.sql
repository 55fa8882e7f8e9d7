-- cascade: the fact view reads the dimensions
drop table #table_name# cascade;
