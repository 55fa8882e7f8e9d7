create table d_calendar (
    id integer primary key, dt date, day integer, day2 varchar, month integer, month2 varchar,
    month_name varchar, month_abbr varchar, quarter varchar, year integer, dow integer, day_name varchar,
    day_abbr varchar, week integer
);
