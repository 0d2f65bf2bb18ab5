#!/usr/bin/env bash
# Evaluates APP_DIR N times in one JVM and prints each evaluation's wall time (the first one
# includes the JVM's class loading and JIT, the later ones are the engine's cost when warm).
# usage: bench/warm-evaluations.sh APP_DIR [N] [TASK]   (run ./decaybench once first: it builds the jar)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/../runner-image/target/decaybench-runner.jar"
[ -f "$jar" ] || { echo "no $jar: run ./decaybench --version first" >&2; exit 2; }
app="$(cd "$1" && pwd)"; n="${2:-6}"; task="${3:-flask-openapi-clean_architecture-postgres-sqlalchemy}"
classes="$(mktemp -d)"; trap 'rm -rf "$classes"' EXIT
javac -d "$classes" -cp "$jar" "$here/warm/WarmEvaluations.java"
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$jar:$classes" WarmEvaluations "$app" "$n" "$task" 2>/dev/null \
  | grep '^evaluation '
