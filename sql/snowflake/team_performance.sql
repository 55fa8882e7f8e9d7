-- Average hours from creation to first assignment per team (as of the assignment) and priority,
-- rounded half up to hundredths in integer microseconds so that every engine prints the same
-- (the division by mod keeps it exact: no fraction is ever rounded by the engine).
with per_team as (
    select a.team, f.priority_id,
           sum(datediff('microsecond', f.created_ts, f.assigned_ts)) as total_us,
           count(*) as cases
    from f_cases f
    join d_analysts a on a.id = f.analyst_id
    where f.analyst_id <> -1 and f.assigned_ts is not null
    group by a.team, f.priority_id
),
hours as (
    select team, priority_id,
           cast((2 * total_us + 36000000 * cases - mod(2 * total_us + 36000000 * cases, 72000000 * cases))
                / (72000000 * cases) / 100.0 as decimal(12,2)) as avg_hours
    from per_team
)
select team, p1, p2, p3 from (
    select 0 as sort_key, 'SLA' as team,
           cast(max(case when id = 1 then assign_sla_hours end) as decimal(12,2)) as p1,
           cast(max(case when id = 2 then assign_sla_hours end) as decimal(12,2)) as p2,
           cast(max(case when id = 3 then assign_sla_hours end) as decimal(12,2)) as p3
    from d_priorities
    union all
    select 1, team,
           max(case when priority_id = 1 then avg_hours end),
           max(case when priority_id = 2 then avg_hours end),
           max(case when priority_id = 3 then avg_hours end)
    from hours group by team
) report
order by sort_key, team
