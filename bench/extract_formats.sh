#!/usr/bin/env bash
# Incremental extracts from PostgreSQL in each format, against psql's own export of the same rows
# (CSV: \copy ... to; JSON lines: \copy (select row_to_json(t) ...) to), whole processes, with the
# peak resident memory of each. Usage: bench/extract_formats.sh [ROWS]   (default 2000000)
# Needs the local PostgreSQL (psql) and a built jar.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
rows=${1:-2000000}
work=${BENCH_DIR:-/tmp/dataload-bench-formats}
dataload="$root/bin/dataload"
pg="psql -X -q -h 127.0.0.1 -U postgres -d test"
db="jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
[ -f "$root/target/dataload.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work" && cd "$work"

$pg -c "drop table if exists bench_formats; create table bench_formats as select timestamp '2026-01-01'
  + i * interval '1 millisecond' as updated_at, i as id, (i % 1000)::numeric(10,2) / 7 as amount, md5(i::text) as name
  from generate_series(1, $rows) i;"
echo "select updated_at, id, amount, name from bench_formats" > q.sql
for format in csv jsonl parquet; do
  cat > "$format.json" <<JSON
{"Tables": [{"name": "bench", "scripts": {"extract": {"file": "q.sql", "format": "$format", "tofile": "out/bench.$format",
  "incremental": {"columns": ["updated_at", "id"]}}}}]}
JSON
done
printf '{"Tables": [{"name": "bench", "scripts": {"extract": {"file": "q.sql", "tofile": "out/plain.csv"}}}]}\n' > plain.json

measure() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o time.txt "$@" > /dev/null 2>&1
  read -r wall peak < time.txt
  printf '%-44s %8.2f s %8d MB\n' "$label" "$wall" "$((peak / 1024))"
}
echo "$rows rows, one run each (rerun for medians):"
for format in csv jsonl parquet; do
  "$dataload" state reset "$format.json" bench extract > /dev/null
  measure "dataload incremental $format" "$dataload" run -q --db "$db" "$format.json" extract
done
measure "dataload plain csv (the engine's COPY)" "$dataload" run -q --db "$db" plain.json extract
measure "psql \\copy ... to (csv)" $pg -c "\\copy (select updated_at, id, amount, name from bench_formats order by updated_at, id) to 'ref.csv' csv"
measure "psql \\copy row_to_json (json lines)" $pg -c "\\copy (select row_to_json(t) from (select updated_at, id, amount, name from bench_formats order by updated_at, id) t) to 'ref.jsonl'"
ls -l out/ ref.* | awk 'NR > 1 {print "  " $5 "\t" $9}'
