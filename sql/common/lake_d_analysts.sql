select * from d_analysts
