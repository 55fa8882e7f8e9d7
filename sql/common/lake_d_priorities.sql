select * from d_priorities
