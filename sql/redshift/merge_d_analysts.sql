-- type 1: a new name replaces the old one on every row of the analyst
update d_analysts set name = n.name
from stg_new_analysts n
where d_analysts.aid = n.aid and d_analysts.name <> n.name;
-- type 2: a changed team or skills closes the active row a second before the change...
update d_analysts set end_date = n.updated - interval '1 second', is_active = false
from stg_new_analysts n
where d_analysts.aid = n.aid and d_analysts.end_date is null
  and (d_analysts.team <> n.team or d_analysts.skills <> coalesce(n.skills, ''));
-- ...and opens a new one from the change; new analysts get their first row
insert into d_analysts
select (select max(id) from d_analysts) + row_number() over (order by n.aid),
       n.aid, n.name, n.team, coalesce(n.skills, ''), n.updated, null, true
from stg_new_analysts n
where not exists (select 1 from d_analysts d where d.aid = n.aid and d.end_date is null);
