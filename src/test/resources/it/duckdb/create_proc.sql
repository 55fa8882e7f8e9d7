-- DuckDB has no stored procedures: a macro stands in, called by name
create or replace macro refresh_totals() as (select count(*) from t_orders);
