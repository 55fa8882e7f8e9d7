#!/usr/bin/env bash
# The lake outputs with many partitions: peak resident memory and time of a foreach over an hour of event files
# (3,600, the events-lake example's) writing Avro partitions, and of compacting them; whole processes, side by side
# with farm-bench. Usage: bench/lake.sh [RUNS] (default 3). Needs a built jar and farm-bench on the PATH.
#   A/B pairs:
#   1. by user_id (thousands of partitions, one file open at a time) / by event and date(at) (5 partitions)
#   2. by event and date(at), 3,600 input files / the same over 360 of them (memory must not grow with the input)
#   3. by event and date(at) / the same rows as one plain JSON-lines file per item, no partitions
#   4. dataload compact of the 5 partitions' files / a copy of the same folder (cp -r: the I/O floor)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${1:-3}
work=${BENCH_DIR:-/tmp/dataload-bench-lake}
dataload="$root/bin/dataload"
[ -f "$root/target/dataload.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work" && cd "$work"
# the example's generator, its placeholders filled in
sed "s|#landing#|$work/landing|g" "$root/configs/example/events-lake/generate_hour.sh" | sh
mkdir -p landing360 && ls landing > all.txt && head -360 all.txt | while read -r f; do cp "landing/$f" landing360/; done
cp "$root/configs/example/events-lake/events_of_file.sql" .
action() { # name source partition_by-json format
  printf '{"Tables": [{"name": "events", "scripts": {"extract": {"file": "events_of_file.sql", "foreach": {"files": "%s/*-events.json"}, "concurrency": 8, "format": "%s", "tofile": "%s", %s "compression": "%s"}}}]}\n' \
    "$2" "$4" "$([ -n "$3" ] && echo '#out#' || echo '#out#/#item.stem#.jsonl')" "$3" "$([ "$4" = avro ] && echo snappy || echo none)" > "$1.json"
}
action by_user landing '"partition_by": ["user_id"],' avro
action by_event landing '"partition_by": ["event", "date(at)"],' avro
action by_event360 landing360 '"partition_by": ["event", "date(at)"],' avro
action plain landing '' jsonl
# each variant a script: a fresh output folder each run
for v in by_user by_event by_event360 plain; do
  suffix=""
  printf '#!/bin/sh\no=$(mktemp -d %s/out.XXXX) && exec %s run -q --log-dir "$o/logs" -P out="$o/lake%s" %s/%s.json extract >/dev/null\n' \
    "$work" "$dataload" "$suffix" "$work" "$v" > "load_$v.sh"
done
"$dataload" run -q -P out="$work/warm" by_event360.json extract > /dev/null 2>&1   # the class-data archive
echo "== 1. thousands of partitions / five"
farm-bench -n "$runs" --timeout 1800 --vs "sh $work/load_by_event.sh" -- sh "$work/load_by_user.sh"
rm -rf "$work"/out.*
echo "== 2. 3,600 input files / 360"
farm-bench -n "$runs" --timeout 1800 --vs "sh $work/load_by_event360.sh" -- sh "$work/load_by_event.sh"
rm -rf "$work"/out.*
echo "== 3. Avro in partitions / plain JSON lines, one file per item"
farm-bench -n "$runs" --timeout 1800 --vs "sh $work/load_plain.sh" -- sh "$work/load_by_event.sh"
rm -rf "$work"/out.*
"$dataload" run -q --log-dir "$work/logs" -P out="$work/lake" by_event.json extract > /dev/null
echo "$(find "$work/lake" -name 'part-*' | wc -l) files to compact"
echo "== 4. compact (a fresh copy each run) / cp -r of the same folder"
farm-bench -n "$runs" --timeout 1800 \
  --vs "sh -c 'rm -rf $work/c2 && cp -r $work/lake $work/c2'" \
  -- sh -c "rm -rf $work/c1 && cp -r $work/lake $work/c1 && exec $dataload compact $work/c1 --older-than 0s --log-dir $work/logs >/dev/null"
