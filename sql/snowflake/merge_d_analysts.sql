-- The current HR snapshot merged into the slowly changing dimension, one MERGE per rule.
-- Type 1: a new name replaces the old one on every row of the analyst.
merge into d_analysts d
using stg_new_analysts n
   on d.aid = n.aid and d.name <> n.name
 when matched then update set name = n.name;
-- Type 2: a changed team or skills closes the active row a second before the change...
merge into d_analysts d
using stg_new_analysts n
   on d.aid = n.aid and d.end_date is null
  and (d.team <> n.team or d.skills <> coalesce(n.skills, ''))
 when matched then update set end_date = n.updated - interval '1 second', is_active = false;
-- ...and the analyst's new active row opens from the change; a new analyst gets a first row.
merge into d_analysts d
using (select n.aid, n.name, n.team, coalesce(n.skills, '') as skills, n.updated,
              (select max(id) from d_analysts) + row_number() over (order by n.aid) as id
       from stg_new_analysts n) n
   on d.aid = n.aid and d.end_date is null
 when not matched then insert (id, aid, name, team, skills, start_date, end_date, is_active)
      values (n.id, n.aid, n.name, n.team, n.skills, n.updated, null, true);
