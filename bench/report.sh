#!/usr/bin/env bash
# The run-history report at scale: a SQLite store with 10,000 runs x 20 action attempts, then
# `dataload report --html` (whole process) and the page opened in headless Chromium.
# Usage: bench/report.sh [RUNS] [ATTEMPTS]   (defaults 10000 and 20). Needs sqlite3 and chromium.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${1:-10000}
attempts=${2:-20}
work=${BENCH_DIR:-/tmp/dataload-bench-report}
dataload="$root/bin/dataload"
[ -f "$root/target/dataload.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/logs" && cd "$work"

# the schema as DataLoad creates it (one real run), then the rows in bulk
printf 'true\n' > t.sh
printf '{"Tables": [{"name": "a", "scripts": {"exec": "t.sh"}}]}\n' > n.json
"$dataload" run -q n.json exec > /dev/null
sqlite3 logs/dataload.db <<SQL
pragma journal_mode = wal;
begin;
with recursive n(i) as (select 1 union all select i + 1 from n where i < $runs)
insert into runs (run_id, trigger_kind, tool, action_file, file_path, action, attempt, arguments, started_ms,
                  finished_ms, outcome, exit_code)
select printf('01BENCH%019d', i), 'cli', 'dataload', 'configs/p' || (i % 7) || '/Load.json', '/x', 'load', 1, '[]',
       1700000000000 + i * 60000, 1700000000000 + i * 60000 + 1000 + (i % 50) * 100,
       case when i % 13 = 0 then 'failed' else 'succeeded' end, case when i % 13 = 0 then 1 else 0 end
from n;
with recursive n(i) as (select 1 union all select i + 1 from n where i < $runs),
     a(j) as (select 1 union all select j + 1 from a where j < $attempts)
insert into attempts (run_id, seq, entry, action, script, attempt, started_ms, finished_ms, rows_count, status, error_text)
select printf('01BENCH%019d', i), j, 'table_' || j, 'load', 'sql/t' || j || '.sql', 1,
       1700000000000 + i * 60000, 1700000000000 + i * 60000 + 50 + j, 1000 + j,
       case when i % 13 = 0 and j = $attempts then 'failed' else 'done' end,
       case when i % 13 = 0 and j = $attempts then '42P01: relation "missing" does not exist' end
from n, a;
commit;
SQL
echo "store: $(sqlite3 logs/dataload.db 'select count(*) from runs') runs, $(sqlite3 logs/dataload.db 'select count(*) from attempts') attempts, $(du -h logs/dataload.db | cut -f1)"

for n in 200 $runs; do
  /usr/bin/time -f "report --runs $n: %e s wall, %M KB peak" "$dataload" report --html "report-$n.html" --runs "$n"
  ls -la "report-$n.html" | awk '{print "  page: " $5 " bytes"}'
  # a browser start alone, then the page: the difference is the page's load and first render
  start=$(date +%s.%N); chromium --headless --no-sandbox --disable-gpu --dump-dom about:blank > /dev/null 2>&1
  blank=$(echo "$(date +%s.%N) - $start" | bc)
  start=$(date +%s.%N)
  chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$work/report-$n.html#run=01BENCH$(printf '%019d' "$runs")" \
    > /dev/null 2>&1
  page=$(echo "$(date +%s.%N) - $start" | bc)
  echo "  chromium: blank page $blank s, report page $page s"
done
