-- type 1: a new name replaces the old one on every row of the analyst
update d_analysts d join stg_new_analysts n on d.aid = n.aid
set d.name = n.name
where binary d.name <> binary n.name;
-- type 2: a changed team or skills closes the active row a second before the change...
update d_analysts d join stg_new_analysts n on d.aid = n.aid
set d.end_date = n.updated - interval 1 second, d.is_active = false
where d.end_date is null
  and (binary d.team <> binary n.team or binary d.skills <> binary coalesce(n.skills, ''));
-- ...and opens a new one from the change; new analysts get their first row
insert into d_analysts
select (select max(id) from d_analysts) + row_number() over (order by n.aid),
       n.aid, n.name, n.team, coalesce(n.skills, ''), n.updated, null, true
from stg_new_analysts n
where not exists (select 1 from d_analysts d where d.aid = n.aid and d.end_date is null);
