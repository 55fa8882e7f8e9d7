-- a Snowflake Scripting procedure whose body holds semicolons inside $$ quotes
create or replace procedure refresh_totals()
returns varchar
language sql
as
$$
begin
    delete from t_totals;
    insert into t_totals select count(*) from t_orders;
    return 'done';
end;
$$;
