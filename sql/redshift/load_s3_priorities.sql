truncate stg_priorities;
copy stg_priorities
from 's3://#Bucket.Name#/#Bucket.Prefix#/PrioritySLA.csv'
credentials 'aws_access_key_id=#aws_access_key_id#;aws_secret_access_key=#aws_secret_access_key#;token=#aws_session_token#'
region '#Region#'
csv quote as '"' null as '' ignoreheader 1;
