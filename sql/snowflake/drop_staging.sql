-- cascade: the warehouse's fact view reads the staged cases and logs
drop table stg_#table_name# cascade;
