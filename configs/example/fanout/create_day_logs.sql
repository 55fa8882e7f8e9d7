create table if not exists day_logs (day varchar, ts timestamp, cid integer, event varchar);
