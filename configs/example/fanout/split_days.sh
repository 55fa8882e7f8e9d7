# One file per day of the demo's event log (#data#/logs.csv), as a landing folder gets them:
# #data#/days/YYYY-MM-DD.csv, written under a temporary name and renamed when complete.
set -e
rm -rf '#data#/days.tmp' && mkdir -p '#data#/days.tmp'
awk -F, -v out='#data#/days.tmp' '{ print > (out "/" substr($1, 1, 10) ".csv") }' '#data#/logs.csv'
rm -rf '#data#/days' && mv '#data#/days.tmp' '#data#/days'
ls '#data#/days' | wc -l
