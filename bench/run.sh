#!/usr/bin/env bash
# DataLoad's load and extract speed against each database's own client, side by side.
# Usage: bench/run.sh [ROWS] [ROUNDS]   (defaults 2000000 and 3; BENCH_RSS_ROWS=10000000 for the memory run)
# Needs the local PostgreSQL (psql) and MariaDB (mariadb client) servers and a built jar.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
rows=${1:-2000000}
rounds=${2:-3}
rss_rows=${BENCH_RSS_ROWS:-10000000}
work=${BENCH_DIR:-/tmp/dataload-bench}
dataload="$root/bin/dataload"
pg="psql -X -q -h 127.0.0.1 -U postgres -d test"
maria="mariadb -h127.0.0.1 -uroot test"
mkdir -p "$work"
cd "$work"

[ -f "$root/target/dataload.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }

# A CSV shaped like the demo's logs.csv: timestamp, case id, quoted event.
make_csv() { # rows file
  awk -v n="$1" 'BEGIN {
    split("Assigned to analyst,Response,Response,Response,Close", ev, ",");
    for (i = 1; i <= n; i++) {
      s = i % 86400; d = 1 + int(i / 86400) % 28;
      printf "2024-01-%02d %02d:%02d:%02d%s,%d,\"%s\"\n", d, int(s/3600), int(s/60)%60, s%60,
             (i % 4 == 0 ? sprintf(".%06d", i % 1000000) : ""), int(i / 5) + 1, ev[1 + i % 5];
    } }' > "$2"
}

now() { date +%s.%N; }
# median of the arguments
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# time one command, print seconds
timed() { local t0; t0=$(now); "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; awk -v a="$(now)" -v b="$t0" 'BEGIN {printf "%.3f\n", a - b}'; }

echo "generating $rows rows..."
make_csv "$rows" logs.csv
printf -- '-- %s rows, %s MB, %s rounds each, medians in seconds\n' "$rows" "$(( $(stat -c %s logs.csv) / 1048576 ))" "$rounds"

cat > load.json <<JSON
{"Tables": [{"name": "bench_logs", "scripts": {
   "load": {"copy": {"from": "logs.csv", "table": "bench_logs", "delimiter": ",", "quotechar": "\"", "header": false, "null": ""}},
   "extract": {"file": "extract.sql", "tofile": "extract_dataload.csv"}}}]}
JSON
echo "select ts, cid, event from bench_logs" > extract.sql

pg_url="jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
maria_url="jdbc:mysql://127.0.0.1:3306/test?user=root&password="
$pg -c "drop table if exists bench_logs; create table bench_logs (ts timestamp, cid integer, event varchar(40))"
$maria -e "drop table if exists bench_logs; create table bench_logs (ts datetime(6), cid integer, event varchar(40))"

report() { # name dataload_times... -- reference_times...
  local name=$1; shift; local d=() r=(); while [ "$1" != "--" ]; do d+=("$1"); shift; done; shift; r=("$@")
  local md mr; md=$(median "${d[@]}"); mr=$(median "${r[@]}")
  printf '%-22s dataload %7.3f s   reference %7.3f s   ratio %.2f\n' "$name" "$md" "$mr" "$(awk -v a="$md" -v b="$mr" 'BEGIN {print a / b}')"
}

# one untimed run first: the first run after a build records the class-data-sharing archive
$dataload run -q --db "$pg_url" load.json load > /dev/null 2>&1 || true

d=(); r=()
for _ in $(seq "$rounds"); do
  $pg -c "truncate bench_logs"; d+=("$(timed "$dataload" run -q --db "$pg_url" load.json load)")
  $pg -c "truncate bench_logs"; r+=("$(timed $pg -c "\\copy bench_logs from 'logs.csv' csv")")
done
report "PostgreSQL load" "${d[@]}" -- "${r[@]}"

d=(); r=()
for _ in $(seq "$rounds"); do
  $maria -e "truncate bench_logs"; d+=("$(timed "$dataload" run -q --db "$maria_url" load.json load)")
  $maria -e "truncate bench_logs"
  r+=("$(timed mariadb -h127.0.0.1 -uroot --local-infile=1 test -e "LOAD DATA LOCAL INFILE 'logs.csv' INTO TABLE bench_logs FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\n'")")
done
report "MariaDB load" "${d[@]}" -- "${r[@]}"

# the MariaDB extract against the mariadb client's own export (--batch: tab-separated, no quoting)
d=(); r=()
for _ in $(seq "$rounds"); do
  d+=("$(timed "$dataload" run -q --db "$maria_url" load.json extract)")
  r+=("$(timed sh -c "mariadb -h127.0.0.1 -uroot test --batch --skip-column-names -e 'select ts, cid, event from bench_logs' > extract_maria.tsv")")
done
report "MariaDB extract" "${d[@]}" -- "${r[@]}"

# DuckDB has no client here: its reference is the same statement through JDBC in a plain JVM (bench/DuckDbCopy.java,
# compiled once, so that the reference does not compile Java at each run)
mkdir -p duckdb_classes
javac -d duckdb_classes -cp "$root/target/dataload.jar" "$here/DuckDbCopy.java"
duck() { java -cp "$root/target/dataload.jar:duckdb_classes" DuckDbCopy "$@"; }
d=(); r=()
for _ in $(seq "$rounds"); do
  rm -f bench.duckdb bench.duckdb.wal; duck bench.duckdb create >/dev/null
  d+=("$(timed "$dataload" run -q --db jdbc:duckdb:bench.duckdb load.json load)")
  rm -f bench.duckdb bench.duckdb.wal; duck bench.duckdb create >/dev/null
  r+=("$(timed duck bench.duckdb copy logs.csv)")
done
report "DuckDB load" "${d[@]}" -- "${r[@]}"
d=(); r=()
for _ in $(seq "$rounds"); do
  d+=("$(timed "$dataload" run -q --db jdbc:duckdb:bench.duckdb load.json extract)")
  r+=("$(timed duck bench.duckdb export extract_duck.csv)")
done
report "DuckDB extract" "${d[@]}" -- "${r[@]}"

$pg -c "truncate bench_logs"; $pg -c "\\copy bench_logs from 'logs.csv' csv"
d=(); r=()
for _ in $(seq "$rounds"); do
  d+=("$(timed "$dataload" run -q --db "$pg_url" load.json extract)")
  r+=("$(timed $pg -c "\\copy (select ts, cid, event from bench_logs) to 'extract_psql.csv' csv")")
done
report "PostgreSQL extract" "${d[@]}" -- "${r[@]}"
# DataLoad writes what the Python tool wrote (CRLF records, Python's value formats); psql writes LF
if tr -d '\r' < extract_dataload.csv | cmp -s - extract_psql.csv; then
  echo "  (same rows as psql's, apart from the CRLF record ends)"
else
  echo "  (the rows differ from psql's, as Python formats some values differently)"
fi

# the extract options: each against psql's \copy with the same options (target: <= 1.10)
extract_with() { # name json-options psql-options
  printf '{"Tables": [{"name": "bench_logs", "scripts": {"extract": {"file": "extract.sql", "tofile": "extract_dataload.csv", %s}}}]}\n' "$2" > opt.json
  local d=() r=()
  for _ in $(seq "$rounds"); do
    d+=("$(timed "$dataload" run -q --db "$pg_url" opt.json extract)")
    r+=("$(timed $pg -c "\\copy (select ts, cid, event from bench_logs) to 'extract_psql.csv' csv $3")")
  done
  report "$1" "${d[@]}" -- "${r[@]}"
}
extract_with "PG extract, LF" '"lineterminator": "\n"' ""
extract_with "PG extract, tab" '"delimiter": "\t"' "delimiter E'\\t'"
extract_with "PG extract, QUOTE_ALL" '"quoting": "QUOTE_ALL"' "force quote *"

# the parallel load (the default for files of 32 MB or more: two streams here) at 4x the rows
make_csv "$((rows * 4))" logs4.csv
sed 's/"logs.csv"/"logs4.csv"/' load.json > load4.json
d=(); r=()
for _ in $(seq "$rounds"); do
  $pg -c "truncate bench_logs"; d+=("$(timed "$dataload" run -q --db "$pg_url" load4.json load)")
  $pg -c "truncate bench_logs"; r+=("$(timed $pg -c "\\copy bench_logs from 'logs4.csv' csv")")
done
report "PG load, 4x rows" "${d[@]}" -- "${r[@]}"
rm -f logs4.csv

# start-up: whole processes, no database
echo true > noop.sh
echo '{"Tables": [{"name": "noop", "scripts": {"exec": "noop.sh"}}]}' > noop.json
"$dataload" run -q noop.json exec > /dev/null
d=(); v=()
for _ in $(seq 5); do d+=("$(timed "$dataload" run -q noop.json exec)"); v+=("$(timed "$dataload" --version)"); done
printf '%-22s dataload %7.3f s   (target 0.15 s)\n' "no-op run" "$(median "${d[@]}")"
printf '%-22s dataload %7.3f s   (target 0.10 s)\n' "--version" "$(median "${v[@]}")"

echo "peak memory of $rss_rows-row extracts (target 300 MB)..."
make_csv "$rss_rows" logs_rss.csv
$pg -c "truncate bench_logs"; $pg -c "\\copy bench_logs from 'logs_rss.csv' csv"
$maria -e "truncate bench_logs"
mariadb -h127.0.0.1 -uroot --local-infile=1 test -e "LOAD DATA LOCAL INFILE 'logs_rss.csv' INTO TABLE bench_logs FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\n'"
rm -f rss.duckdb rss.duckdb.wal
echo "create table bench_logs as select * from read_csv('logs_rss.csv', columns = {'ts': 'TIMESTAMP', 'cid': 'INTEGER', 'event': 'VARCHAR'})" > duck_create.sql
printf '{"Tables": [{"name": "bench_logs", "scripts": {"create": "duck_create.sql"}}]}\n' > duck.json
"$dataload" run -q --db jdbc:duckdb:rss.duckdb duck.json create > /dev/null
peak() { # label db json
  /usr/bin/time -f "%M" -o rss.txt "$dataload" run -q --db "$2" "$3" extract > /dev/null
  printf '%-30s dataload peak RSS %4d MB (%s rows)\n' "$1" "$(( $(cat rss.txt) / 1024 ))" "$rss_rows"
}
printf '{"Tables": [{"name": "bench_logs", "scripts": {"extract": {"file": "extract.sql", "tofile": "extract_dataload.csv", "quoting": "QUOTE_ALL"}}}]}\n' > all.json
peak "PostgreSQL extract" "$pg_url" load.json
peak "PostgreSQL extract, QUOTE_ALL" "$pg_url" all.json
peak "MariaDB extract" "$maria_url" load.json
peak "DuckDB extract" jdbc:duckdb:rss.duckdb load.json
/usr/bin/time -f "%M" -o rss.txt "$dataload" run -q --db "$pg_url" load.json load > /dev/null
printf '%-30s dataload peak RSS %4d MB (%s rows; target 200 MB)\n' "PostgreSQL load" "$(( $(cat rss.txt) / 1024 ))" "$rows"
rm -f logs_rss.csv rss.duckdb rss.duckdb.wal
$pg -c "drop table bench_logs"; $maria -e "drop table bench_logs"
