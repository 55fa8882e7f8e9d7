select t.name,
       count(c.id) as cases,
       round(avg(epoch(c.closed - c.opened) / 3600.0), 2)::decimal(10,2) as avg_hours_to_close
from teams t
left join cases c on c.team_id = t.id
group by t.name
order by t.name;
