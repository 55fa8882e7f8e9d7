create table d_calendar (
    id integer primary key, dt date, day integer, day2 varchar(100), month integer, month2 varchar(100),
    month_name varchar(100), month_abbr varchar(100), quarter varchar(100), year integer, dow integer, day_name varchar(100),
    day_abbr varchar(100), week integer
);
