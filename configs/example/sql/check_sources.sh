#!/bin/sh
# exec action: fails (non-zero exit) when a source file is missing.
for f in #Example.DataDir#/#Example.Files[0]# #Example.DataDir#/#Example.Files[1]#; do
  test -r "$f" || { echo "missing source file $f"; exit 1; }
done
echo "sources present"
