select id, name, balance, since from t_customers order by id
