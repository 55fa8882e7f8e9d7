# Sourced by bench/legacy_pipeline.sh and bench/legacy_chained.sh: the dl_pipe database, and a new folder $w holding
# the legacy test project (written for the Python tool) with a resource file for the local PostgreSQL.
psql -X -q -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'dl_pipe'" | grep -q 1 \
  || psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "create database dl_pipe"
w=$(mktemp -d)
cp -r "$here/../src/test/resources/legacy/common/." "$w/"
cp -r "$here/../src/test/resources/legacy/postgres/." "$w/"
mkdir -p "$w/out"
printf 'Region: "us-west-2"\nRDS:\n  DBName: "dl_pipe"\n  DBInstanceIdentifier: "LegacyTest"\n  MasterUsername: "postgres"\n  MasterUserPassword: ""\n  Port: "5432"\n  Endpoint: "127.0.0.1"\n' > "$w/ProjectResources.yml"
