#!/bin/sh
# Prices benchmark (ERP -> Centra): the connector and its built-in sandbox in one JVM, the sandbox answering every
# request 50 ms late and enforcing the Growth tier's rate limits. PRICES variant prices (2 variants per product,
# every variant in the SEK, EUR and USD pricelists) are dropped as one file; printed side by side: the connector's
# time, the rate-limit lower bound from every bucket (requests, mutations, complexity; 10 s and hourly), the
# products per setPrices call the connector chose from Centra's complexity budget (at most MAX_BATCH,
# connector.catalogue.prices-batch-size), and a re-drop with 1% of the prices changed.
#   bench/prices.sh [PRICES=100000] [MAX_BATCH=500]        (a few minutes at 100000)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.centraerp.connector.flows.prices.PricesBenchmark "$@"
