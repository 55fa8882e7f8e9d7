-- staging from S3 with the wrapper's temporary credentials (Access.RoleArn assumed through STS)
truncate stg_#table_name#;
copy stg_#table_name#
from 's3://#Bucket.Name#/#Bucket.Prefix#/#table_name#.csv'
credentials 'aws_access_key_id=#aws_access_key_id#;aws_secret_access_key=#aws_secret_access_key#;token=#aws_session_token#'
region '#Region#'
csv quote as '"' null as '' timeformat 'YYYY-MM-DD HH:MI:SS';
