#!/usr/bin/env bash
# A large extract from Snowflake through the unmodified driver, against the protocol-level stand-in
# of the tests (its rows in result chunks the driver downloads, as Snowflake serves them): the whole
# process's time and peak resident memory, CSV and JSON lines. The stand-in is not Snowflake: the
# figures say how DataLoad and the driver hold a long result, not how fast a warehouse answers.
# Usage: bench/snowflake_extract.sh [ROWS]   (default 2000000). Needs a build with the test classes:
#   mvn -q -DskipTests package test-compile
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
rows=${1:-2000000}
work=${BENCH_DIR:-/tmp/dataload-bench-snowflake}
dataload="$root/bin/dataload"
[ -f "$root/target/dataload.jar" ] && [ -d "$root/target/test-classes/io/dataload/standin" ] || {
  echo "build first: mvn -q -DskipTests package test-compile" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work" && cd "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -cp "$root/target/test-classes:$root/target/dataload.jar" io.dataload.standin.snowflake.SnowflakeStandIn \
  "$port" "$work/stand-in" secret > stand-in.log 2>&1 &
standin=$!
trap 'kill $standin 2>/dev/null' EXIT
for _ in $(seq 1 50); do grep -q "stand-in at" stand-in.log && break; sleep 0.2; done
cat > sf.yml <<YML
Snowflake:
  Account: TESTACCT
  User: DATALOAD
  Password: secret
  Database: MYDB
  Schema: PUBLIC
  Endpoint: http://127.0.0.1:$port
YML
echo "create or replace table bench_rows as select range as id, timestamp '2026-01-01' + to_milliseconds(range) as updated_at,
  cast(range % 1000 as decimal(10,2)) / 7 as amount, md5(cast(range as varchar)) as name from range($rows)" > create.sql
echo "select id, updated_at, amount, name from bench_rows" > q.sql
printf '{"Tables": [{"name": "bench", "scripts": {"create": "create.sql"}}]}\n' > x.json
printf '{"Tables": [{"name": "bench", "scripts": {"extract": {"file": "q.sql", "tofile": "out/bench.csv"}}}]}\n' > csv.json
printf '{"Tables": [{"name": "bench", "scripts": {"extract": {"file": "q.sql", "format": "jsonl", "tofile": "out/bench.jsonl"}}}]}\n' > jsonl.json
# (this first run also records the launcher's class-data archive, which costs memory once)
"$dataload" run -q -r sf.yml --db snowflake x.json create > /dev/null
measure() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o time.txt "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; cat time.txt >&2; exit 1; }
  read -r wall peak < time.txt
  printf '%-40s %8.2f s %8d MB peak RSS\n' "$label" "$wall" "$((peak / 1024))"
}
echo "$rows rows from the Snowflake stand-in, one run each:"
measure "dataload extract csv" "$dataload" run -q -r sf.yml --db snowflake csv.json extract
measure "dataload extract jsonl" "$dataload" run -q -r sf.yml --db snowflake jsonl.json extract
wc -l out/bench.csv out/bench.jsonl | head -2
