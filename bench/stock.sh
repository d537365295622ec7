#!/bin/sh
# Stock benchmark (ERP -> Centra): the connector and its built-in sandbox in one JVM, the sandbox answering every
# request 50 ms late and enforcing the Growth tier's rate limits. A file of SIZES sizes x 2 warehouses is dropped;
# printed side by side: the connector's time, one mutation per line (extrapolated from NAIVE_SAMPLE timed calls),
# the rate-limit lower bound from every bucket (requests, mutations, complexity; 10 s and hourly), the batch size
# the connector chose from Centra's complexity budget (at most MAX_BATCH, connector.stock.batch-size), the peak
# heap, and a re-drop with 1% of the lines changed.
#   bench/stock.sh [SIZES=100000] [NAIVE_SAMPLE=30] [MAX_BATCH=2000]   (a few minutes at 100000)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.centraerp.connector.flows.stock.StockBenchmark "$@"
