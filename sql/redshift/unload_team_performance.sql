-- the report also goes to S3, next to the sources
unload ('select * from v_team_performance')
to 's3://#Bucket.Name#/#Bucket.Prefix#/reports/team_performance_redshift_'
credentials 'aws_access_key_id=#aws_access_key_id#;aws_secret_access_key=#aws_secret_access_key#;token=#aws_session_token#'
region '#Region#'
csv parallel off allowoverwrite;
