#!/usr/bin/env bash
# foreach over many local files: peak resident memory and the per-item overhead, whole processes.
# Usage: bench/foreach.sh [FILES] [CONCURRENCY]   (defaults 100000 and 8). Needs a built jar.
# Items are no-ops: a SQL "select 1" on embedded DuckDB (the engine's per-item cost: plan, connection,
# transaction, records) and, over a tenth of the files, a shell "true" (a process per item).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
files=${1:-100000}
concurrency=${2:-8}
work=${BENCH_DIR:-/tmp/dataload-bench-foreach}
dataload="$root/bin/dataload"
[ -f "$root/target/dataload.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/landing" && cd "$work"
echo "creating $files files..."
python3 - "$files" <<'PY'
import os, sys
n = int(sys.argv[1])
for d in range(0, n, 1000):
    folder = os.path.join("landing", "%04d" % (d // 1000))
    os.makedirs(folder, exist_ok=True)
    for i in range(d, min(n, d + 1000)):
        with open(os.path.join(folder, "e%06d.json" % i), "w") as f:
            f.write('{"i": %d}\n' % i)
PY
echo "select 1;" > noop.sql
echo "true" > noop.sh
printf '{"Tables": [{"name": "events", "scripts": {"load": {"file": "noop.sql", "foreach": {"files": "landing/**/*.json"}, "concurrency": %s}}}]}\n' "$concurrency" > sql.json
printf '{"Tables": [{"name": "events", "scripts": {"exec": {"file": "noop.sh", "foreach": {"files": "landing/000[0-9]%s/*.json"}, "concurrency": %s}}}]}\n' "" "$concurrency" > exec.json
printf '{"Tables": [{"name": "events", "scripts": {"load": "noop.sql"}}]}\n' > one.json
measure() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o time.txt "$@" > out.txt 2>&1 || { echo "failed: $*" >&2; tail -5 out.txt >&2; exit 1; }
  read -r wall peak < time.txt
  printf '%-52s %8.2f s %8d MB peak RSS\n' "$label" "$wall" "$((peak / 1024))"
  echo "$wall" > wall.txt
}
"$dataload" run -q one.json load > /dev/null 2>&1   # records the launcher's class-data archive
measure "one no-op SQL action (the fixed cost of a run)" "$dataload" run -q one.json load
base=$(cat wall.txt)
measure "foreach over $files files, SQL select 1, $concurrency at a time" "$dataload" run -q sql.json load
all=$(cat wall.txt)
tenth=$(find landing -path "landing/000?/*" -name '*.json' | wc -l)
measure "foreach over $tenth files, shell true, $concurrency at a time" "$dataload" run -q exec.json exec
shell=$(cat wall.txt)
awk -v a="$all" -v b="$base" -v n="$files" -v s="$shell" -v t="$tenth" 'BEGIN {
  printf "per item: SQL %.3f ms, shell %.3f ms (wall, after the fixed cost of a run)\n", (a - b) * 1000 / n, (s - b) * 1000 / t }'
grep -c '"outcome":"done"' logs/*sql*load*.items.jsonl 2>/dev/null | head -1 || true
