#!/bin/sh
# Stock large-file benchmark (ERP -> Centra): one file of SIZES sizes x 2 warehouses (1,000,000 lines by default)
# through a connector in its own JVM with -Xmx256m, against the built-in sandbox in this JVM (no latency, no rate
# limits: this run is about memory). Prints time, lines/s, the connector's peak heap and the report's outcomes.
#   bench/stock-large.sh [SIZES=500000]        (a few minutes at 500000)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.centraerp.connector.flows.stock.StockLargeFileBenchmark "$@"
