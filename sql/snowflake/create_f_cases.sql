create table f_cases (
    case_id integer primary key,
    priority_id integer not null,
    created_date_id integer not null,
    created_ts timestamp not null,
    analyst_id integer not null,
    product_id integer not null,
    assigned_date_id integer not null,
    assigned_ts timestamp,
    responded_date_id integer not null,
    responded_ts timestamp,
    closed_date_id integer not null,
    closed_ts timestamp,
    -- when the row was last written: what the lake export follows (dataload demo --lake)
    updated_at timestamp
);
-- one fact row per staged case; the analyst row is the one valid when the case was assigned
-- (or created, when never assigned); -1 stands for every unknown member
create or replace view v_case_facts as
with events as (
    select cid,
           min(case when event = 'Assigned to analyst' then ts end) as assigned_ts,
           min(case when event = 'Response' then ts end) as responded_ts,
           max(case when event = 'Close' then ts end) as closed_ts
    from stg_logs group by cid
)
select c.cid as case_id,
       coalesce(pr.id, -1) as priority_id,
       year(c.created) * 10000 + month(c.created) * 100 + day(c.created) as created_date_id,
       c.created as created_ts,
       coalesce(a.id, -1) as analyst_id,
       coalesce(p.id, -1) as product_id,
       coalesce(year(e.assigned_ts) * 10000 + month(e.assigned_ts) * 100 + day(e.assigned_ts), -1) as assigned_date_id,
       e.assigned_ts,
       coalesce(year(e.responded_ts) * 10000 + month(e.responded_ts) * 100 + day(e.responded_ts), -1) as responded_date_id,
       e.responded_ts,
       coalesce(year(e.closed_ts) * 10000 + month(e.closed_ts) * 100 + day(e.closed_ts), -1) as closed_date_id,
       e.closed_ts
from stg_cases c
left join events e on e.cid = c.cid
left join d_priorities pr on pr.id = c.priority
left join d_products p on p.pid = c.pid
left join d_analysts a on a.aid = c.aid
     and a.start_date <= coalesce(e.assigned_ts, c.created)
     and (a.end_date is null or coalesce(e.assigned_ts, c.created) <= a.end_date);
