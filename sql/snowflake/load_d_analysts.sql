insert into d_analysts values (-1, -1, 'Unknown', 'Unknown', '', timestamp '1900-01-01 00:00:00', null, true);
-- Snapshots in year order: a run of consecutive years with the same team and skills is one row,
-- from the start of its first year to the end of its last (open while in the latest snapshot).
insert into d_analysts
with snaps as (
    select 2019 as yr, aid, name, team, coalesce(skills, '') as skills from stg_analysts_2019
    union all select 2020, aid, name, team, coalesce(skills, '') from stg_analysts_2020
    union all select 2021, aid, name, team, coalesce(skills, '') from stg_analysts_2021
    union all select 2022, aid, name, team, coalesce(skills, '') from stg_analysts_2022
    union all select 2023, aid, name, team, coalesce(skills, '') from stg_analysts_2023
),
marked as (
    select yr, aid, team, skills,
           case when lag(yr) over (partition by aid order by yr) = yr - 1
                 and lag(team) over (partition by aid order by yr) = team
                 and lag(skills) over (partition by aid order by yr) = skills
                then 0 else 1 end as starts
    from snaps
),
numbered as (
    select yr, aid, team, skills,
           sum(starts) over (partition by aid order by yr rows between unbounded preceding and current row) as period
    from marked
),
periods as (
    select aid, period, min(team) as team, min(skills) as skills, min(yr) as first_yr, max(yr) as last_yr
    from numbered group by aid, period
),
latest as (
    select s.aid, s.name from snaps s
    join (select aid, max(yr) as yr from snaps group by aid) l on l.aid = s.aid and l.yr = s.yr
)
select row_number() over (order by p.aid, p.period),
       p.aid, l.name, p.team, p.skills,
       cast(cast(p.first_yr as varchar) || '-01-01 00:00:00' as timestamp),
       case when p.last_yr = 2023 then null
            else cast(cast(p.last_yr as varchar) || '-12-31 23:59:59' as timestamp) end,
       p.last_yr = 2023
from periods p join latest l on l.aid = p.aid;
