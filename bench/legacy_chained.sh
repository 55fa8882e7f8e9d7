#!/bin/sh
# The same steps as bench/legacy_pipeline.sh (the legacy test project, written for the Python tool, on the local
# PostgreSQL), written as ONE chained DataLoad run: the checks, then drop, create, exec, proc, refresh, extract and
# drop from cases over the unchanged StagingArea.json, each a {"run": ...} of the checks' OnSuccessexec, in one process.
# Usage: bench/legacy_chained.sh [ROOT]
# Side by side with the step-by-step run:  farm-bench -n 5 --vs "bench/legacy_pipeline.sh" -- bench/legacy_chained.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-$(dirname "$here")}
. "$here/legacy_setup.sh"
cat > "$w/Pipeline.json" <<'JSON'
{"Tables": [{"name": "source_files", "scripts": {"exec": "check_files.sh"}}],
 "OnSuccessexec": [
   {"run": {"file": "StagingArea.json", "action": "drop"}},
   {"run": {"file": "StagingArea.json", "action": "create"}},
   {"run": {"file": "StagingArea.json", "action": "exec"}},
   {"run": {"file": "StagingArea.json", "action": "proc"}},
   {"run": {"file": "StagingArea.json", "action": "refresh"}},
   {"run": {"file": "StagingArea.json", "action": "extract"}},
   {"run": {"file": "StagingArea.json", "action": "drop", "table": "cases"}}]}
JSON
cd "$w"
"$root/bin/dataload" run -q --db postgres -r ProjectResources.yml -P host=127.0.0.1 Pipeline.json exec > /dev/null 2>&1
cd /
rm -rf "$w"
