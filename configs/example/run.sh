#!/bin/sh
# Runs the example pipeline on embedded DuckDB, one action at a time, and prints the report.
set -e
cd "$(dirname "$0")/../.."
for action in exec drop create load extract; do
  bin/dataload run -q -r configs/example/example.yml configs/example/example.json "$action" > /dev/null
done
echo "reports/example_team_report.csv:"
cat reports/example_team_report.csv
