/* orders; the status default holds a ; to test the splitter */
create table #table_name# (id integer primary key, customer_id integer, note varchar(50) default 'a;b');
