-- the source already holds the -1 "unknown" day
insert into d_calendar select * from stg_calendar;
