#!/bin/sh
# The conditions check on Redshift: every source file of the #action# run is in S3 (needs the AWS CLI).
missing=0
for f in #files#; do
  case "$f" in new/*) f="new/new_${f#new/}";; esac
  if ! aws s3 ls "s3://#Bucket.Name#/#Bucket.Prefix#/$f" > /dev/null 2>&1; then
    echo "missing source file s3://#Bucket.Name#/#Bucket.Prefix#/$f"
    missing=1
  fi
done
exit $missing
