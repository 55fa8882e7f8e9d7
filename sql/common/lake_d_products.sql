select * from d_products
