#!/bin/sh
# The events-lake example end to end, from the repository's root, on embedded DuckDB:
# an hour of event files -> foreach -> Avro partitioned by event and date -> compaction -> the partitions.
# A deliberately slow step misses its 5 s sla on the way and shows the alert (EVENTS_LAKE_PAUSE=0 skips it).
set -e
cd "$(dirname "$0")/../../.."
D=bin/dataload
OUT=${EVENTS_LAKE_DIR:-events-lake}
P="-P landing=$OUT/landing -P lake=$OUT/lake"
mkdir -p "$OUT"
# runs ACTION, showing the progress lines that match PATTERN (all of them when it fails)
run() {
  if ! $D run $P --log-dir "$OUT/logs" configs/example/events-lake/lake.json "$1" > "$OUT/$1.out" 2> "$OUT/$1.progress"; then
    cat "$OUT/$1.progress"; exit 1
  fi
  grep -E "$2" "$OUT/$1.progress" || true
}
echo "== an hour of event files, and a slow step"
run exec "output: |ALERT|finished"
echo "== load: 3,600 files, eight at a time, into Avro partitions"
run extract "ALERT|items:|finished"
echo "== before compaction"
$D lake "$OUT/lake/events"
echo "== compact"
$D compact "$OUT/lake/events" --older-than 0s --target-size 16MB --log-dir "$OUT/logs"
echo "== after compaction"
$D lake "$OUT/lake/events"
