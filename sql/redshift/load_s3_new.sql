-- the increment's files: upload demo-data/new/analysts.csv as new/new_analysts.csv (and so on)
truncate stg_#table_name#;
copy stg_#table_name#
from 's3://#Bucket.Name#/#Bucket.Prefix#/new/#table_name#.csv'
credentials 'aws_access_key_id=#aws_access_key_id#;aws_secret_access_key=#aws_secret_access_key#;token=#aws_session_token#'
region '#Region#'
csv quote as '"' null as '' timeformat 'YYYY-MM-DD HH:MI:SS';
