insert into d_products values (-1, -1, 'unknown', 'Unknown', 'Unknown', 'Unknown');
insert into d_products
select row_number() over (order by p.pid) as id,
       p.pid,
       case when parent.pid is null then 'line' when grand.pid is null then 'group' else 'product' end,
       case when parent.pid is null then p.name when grand.pid is null then parent.name else grand.name end,
       case when parent.pid is null then p.name when grand.pid is null then p.name else parent.name end,
       p.name
from stg_products p
left join stg_products parent on parent.pid = p.parent_pid
left join stg_products grand on grand.pid = parent.parent_pid;
