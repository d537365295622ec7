#!/usr/bin/env bash
# Runs the README's marked snippets as a user pastes them: each ```sh block after a line <!-- snippet: NAME -->,
# in README order, in its own bash (set -euo pipefail), in a fresh folder laid out like a deployment (config/,
# routes/, mappings/, samples/, the packaged jar under target/), against the connector started from that jar with
# the demo profile on a free port (localhost:8080 in the snippets becomes that port). Lines starting with "mvn"
# are left out (mvn runs the build itself; the same commands run through java -jar). Each snippet's output must
# contain what EXPECT says. Needs the jar (mvn package or verify), PostgreSQL and MariaDB as for the tests, jq.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

declare -A EXPECT=(
  [check]='check: OK'
  [stores]='"name":"Wholesale"'
  [stock]=';applied;'
  [stock-query]='"SKU":"SWEATER-RED-S"'
  [products]='"SKU":"JEANS-INDIGO-28"'
  [prices]='"priceBeforeDiscount":{"value":799.0}'
  [bundles]='"isBundle":true'
  [ship]=';completed;'
  [erp-postgresql]='setup-erp-tables: OK'
  [erp-mariadb]='setup-erp-tables: OK'
)

jar=$(ls "$root"/target/centra-erp-connector-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
[ -n "$jar" ] || { echo "readme-snippets: no jar in target/ — run mvn package first" >&2; exit 1; }
work=$(mktemp -d)
suffix=$(date +%s)$$
connector=
cleanup() {
  [ -n "$connector" ] && kill "$connector" 2>/dev/null && wait "$connector" 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS erp_$suffix CASCADE" >/dev/null 2>&1 || true
  mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS erp_$suffix" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

cp -r "$root/config" "$root/routes" "$root/mappings" "$root/samples" "$work/"
mkdir -p "$work/target" && cp "$jar" "$work/target/centra-erp-connector-0.1.0-SNAPSHOT.jar"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cd "$work"
# Quicker JVM starts on a busy CI machine (the connector and the commands the snippets run); output is unchanged.
export JAVA_TOOL_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
PORT=$port java -Xmx512m -jar target/centra-erp-connector-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo \
  > connector.log 2>&1 &
connector=$!
for _ in $(seq 1 180); do
  grep -q "Started ConnectorApplication" connector.log && break
  kill -0 "$connector" 2>/dev/null || { tail -40 connector.log; echo "readme-snippets: the connector ended" >&2; exit 1; }
  sleep 1
done
grep -q "Started ConnectorApplication" connector.log || { tail -40 connector.log; echo "readme-snippets: no start" >&2; exit 1; }

# name<TAB>line of every marked block, README order
snippets=$(awk '
  /^<!-- snippet: [a-z0-9-]+ -->$/ { name = $3; next }
  name != "" && /^```sh$/ { inside = 1; next }
  inside && /^```$/ { inside = 0; name = ""; next }
  inside { print name "\t" $0 }
' "$root/README.md")
names=$(printf '%s\n' "$snippets" | cut -f1 | uniq)

failed=0
for name in $names; do
  script=$(printf '%s\n' "$snippets" | awk -F'\t' -v n="$name" '$1 == n { sub(/^[^\t]*\t/, ""); print }' \
    | grep -v '^mvn ' | sed -e "s/localhost:8080/localhost:$port/g" \
        -e "s/currentSchema=erp'/currentSchema=erp_$suffix'/; s/SCHEMA IF NOT EXISTS erp'/SCHEMA IF NOT EXISTS erp_$suffix'/" \
        -e "s|3306/erp'|3306/erp_$suffix'|; s/DATABASE IF NOT EXISTS erp'/DATABASE IF NOT EXISTS erp_$suffix'/")
  start=$(date +%s)
  if output=$(timeout 180 bash -euo pipefail -c "$script" 2>&1) && [[ "$output" == *"${EXPECT[$name]:-}"* ]]; then
    echo "snippet $name: ok ($(( $(date +%s) - start )) s)"
  else
    echo "snippet $name: FAILED (expected output with '${EXPECT[$name]:-}'):"
    printf '%s\n' "$output" | tail -20
    failed=1
  fi
done
[ "$failed" = 0 ] || { echo "--- end of the connector's log ---"; tail -30 connector.log; }
exit $failed
