select * from d_calendar
