-- slowly changing dimension, type 2 on team and skills, type 1 on name
create table d_analysts (
    id integer primary key, aid integer not null, name varchar(100) not null, team varchar(100) not null,
    skills varchar(100) not null, start_date datetime(6) not null, end_date datetime(6), is_active boolean not null,
    key (aid, start_date)
);
