-- slowly changing dimension, type 2 on team and skills, type 1 on name
create table d_analysts (
    id integer primary key, aid integer not null, name varchar not null, team varchar not null,
    skills varchar not null, start_date timestamp not null, end_date timestamp, is_active boolean not null
);
