-- one day's file: written so that loading it again (a retry, --resume) replaces it instead of doubling it
delete from day_logs where day = #"item.stem"#;
insert into day_logs
select #"item.stem"#, ts, cid, event
from read_csv(#"item"#, header = false, columns = {'ts': 'TIMESTAMP', 'cid': 'INTEGER', 'event': 'VARCHAR'});
