#!/bin/sh
# The conditions check: every source file of the #action# run must be present.
missing=0
for f in #files#; do
  if [ ! -r "#data#/$f" ]; then
    echo "missing source file #data#/$f"
    missing=1
  fi
done
[ $missing -eq 0 ] && echo "all source files present in #data#"
exit $missing
