-- the report view made by DataWarehouse.json (also UNLOADed to S3), SLA row first
select team, p1, p2, p3 from v_team_performance
order by case when team = 'SLA' then 0 else 1 end, team
