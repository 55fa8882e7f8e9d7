# MySQL comment: the whole file is sent as one multi-statement text
drop procedure if exists refresh_totals;
create procedure refresh_totals()
begin
    delete from t_totals;
    insert into t_totals select count(*) from t_orders;
end;
