#!/usr/bin/env bash
# Orders benchmark: a backlog of orders exported from the Centra sandbox (50 ms latency, Growth tier) to files and
# to PostgreSQL, against the rate-limit lower bound; and webhook-to-file latency at a steady order rate.
#   bench/orders.sh                       10 000 orders, 250 orders/min for 60 s
#   bench/orders.sh --orders=2000 --per-minute=250 --latency-seconds=60 --batch-size=50 [--skip-files]
#                   [--skip-postgresql] [--skip-latency]
# Needs PostgreSQL at 127.0.0.1:5432, database test, user postgres (ORDERS_TEST_POSTGRESQL_URL) for the second run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/test-classes/org/centraerp/connector/bench/OrdersBenchmark.class ] \
    || [ -n "$(find src -newer target/test-classes/org/centraerp/connector/bench/OrdersBenchmark.class -name '*.java' | head -1)" ]; then
  mvn -B -q test-compile
fi
if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
  mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.centraerp.connector.bench.OrdersBenchmark "$@"
