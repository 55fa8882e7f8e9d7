# An hour of event files as they land in a bucket, one per second: #landing#/2019-06-01-15-MM-SS-events.json,
# each a few JSON lines (signup, login, page_view, purchase, logout; purchases carry an amount).
# Written into a temporary folder renamed when complete; the same files every time (a fixed seed).
set -e
rm -rf '#landing#.tmp' && mkdir -p '#landing#.tmp'
awk -v out='#landing#.tmp' 'BEGIN {
  srand(20190601)
  split("signup login page_view purchase logout", kinds, " ")
  for (s = 0; s < 3600; s++) {
    mm = int(s / 60); ss = s % 60
    name = sprintf("%s/2019-06-01-15-%02d-%02d-events.json", out, mm, ss)
    n = 3 + int(rand() * 8)
    for (i = 0; i < n; i++) {
      kind = kinds[1 + int(rand() * 5)]
      amount = kind == "purchase" ? sprintf("%.2f", 1 + rand() * 200) : "null"
      printf("{\"event\": \"%s\", \"at\": \"2019-06-01 15:%02d:%02d.%06d\", \"user_id\": %d, \"amount\": %s}\n",
        kind, mm, ss, int(rand() * 1000000), 1 + int(rand() * 5000), amount) > name
    }
    close(name)
  }
}'
rm -rf '#landing#' && mv '#landing#.tmp' '#landing#'
echo "$(ls '#landing#' | wc -l) files in #landing#"
