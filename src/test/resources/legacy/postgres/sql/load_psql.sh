#!/bin/bash
# the Python users loaded with psql's \copy from an exec action
psql -X -q -h #host# -p #RDS.Port# -U #RDS.MasterUsername# -d #RDS.DBName# \
  -c "\copy #schema#.#table_name# from 'data/#table_name#.csv' csv"
