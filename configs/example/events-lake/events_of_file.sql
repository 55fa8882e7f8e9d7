-- One landing file's events (DuckDB reads the JSON lines), typed: the lake's Avro schema comes from these types.
select event,
       "at",
       user_id,
       amount
from read_json('#item#', format = 'newline_delimited',
               columns = {event: 'VARCHAR', "at": 'TIMESTAMP', user_id: 'BIGINT', amount: 'DECIMAL(10,2)'})
