#!/bin/bash
# exec check written for the Python tool: the source files must be there
for f in data/analysts.csv data/cases.csv; do
  if [ ! -f "$f" ]; then echo "$f could not be read"; exit 1; fi
done
echo "source files are ready" # done
