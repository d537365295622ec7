#!/bin/sh
# Catalogue benchmark (ERP -> Centra): the connector and its built-in sandbox in one JVM, the sandbox answering every
# request 50 ms late and enforcing a rate-limit tier. A product master of SIZES sizes (styles of 2 colours x 10
# sizes) is imported, PARALLEL products in flight, then again with 1% of its rows changed. Printed side by side: the
# connector's time and calls, the rate-limit lower bound for those calls (requests, mutations, complexity; 10 s and
# hourly windows) on TIER and on Growth, the mutations per style now (counted) and before (computed: the counted
# ones + one createProductVariant per colour), and what the re-import sent.
#   bench/catalogue.sh [SIZES=20000] [TIER=ENTERPRISE] [PARALLEL=4]
# Enterprise by default: on Growth Centra's 20 mutations per 10 s make a 20k-size import take about 0.3 h (the
# Growth bound is printed beside the run).
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.centraerp.connector.flows.catalogue.CatalogueBenchmark "$@"
