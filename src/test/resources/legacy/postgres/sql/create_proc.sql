create or replace function refresh_counts() returns void language plpgsql as $$
begin
    delete from case_counts;
    insert into case_counts select a.team, count(*) from cases c join analysts a on a.aid = c.aid group by a.team;
end;
$$;
