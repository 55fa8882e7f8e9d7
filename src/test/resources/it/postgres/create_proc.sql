-- a function whose body holds semicolons inside $$ quotes
create or replace function refresh_totals() returns void language plpgsql as $$
begin
    delete from t_totals;
    insert into t_totals select count(*) from t_orders;
end;
$$;
