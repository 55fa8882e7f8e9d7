#!/bin/sh
# The legacy test project (src/test/resources/legacy, written for the Python tool) run step by step through the
# Python tool's wrappers of a DataLoad checkout, on the local PostgreSQL, as its cron lines would: CLILoadT, then
# PostgresLoadT drop, create, exec, proc, refresh, extract, and drop from cases at attempt 2. Each run in a fresh folder.
# Usage: bench/legacy_pipeline.sh [ROOT]  (ROOT: the checkout whose wrappers run; default this one)
# Side by side with another build:  farm-bench -n 5 --vs "bench/legacy_pipeline.sh /path/to/other" -- bench/legacy_pipeline.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-$(dirname "$here")}
. "$here/legacy_setup.sh"
cd "$w"
"$root/wrappers/CLILoadT" Checks.json > /dev/null 2>&1
for a in drop create exec proc refresh extract; do
  "$root/wrappers/PostgresLoadT" ProjectResources.yml StagingArea.json $a > /dev/null 2>&1
done
"$root/wrappers/PostgresLoadT" ProjectResources.yml StagingArea.json drop cases 2 > /dev/null 2>&1
cd /
rm -rf "$w"
