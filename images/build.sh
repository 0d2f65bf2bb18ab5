#!/usr/bin/env bash
# Builds decaybench's container images from the Maven artefacts.
#   images/build.sh [REGISTRY]        e.g. images/build.sh ghcr.io/acme
# Tags (VERSION from the root pom):
#   REGISTRY/decaybench-runner:VERSION-python   runner + Python runtime (runner-image/Dockerfile)
#   REGISTRY/decaybench-runner:VERSION-node     runner + Node.js runtime (runner-image/Dockerfile.node)
#   REGISTRY/decaybench-operator:VERSION        the operator (operator/controller/Dockerfile)
# Needs a Docker (or compatible) engine; the Maven build runs first.
set -euo pipefail
cd "$(dirname "$0")/.."
registry="${1:-decaybench}"
version="$(mvn -q -B help:evaluate -Dexpression=project.version -DforceStdout)"
mvn -B -q -DskipTests install
docker build -t "$registry/decaybench-runner:$version-python" -f runner-image/Dockerfile runner-image
docker build -t "$registry/decaybench-runner:$version-node" -f runner-image/Dockerfile.node runner-image
if [ -f operator/controller/Dockerfile ]; then
  docker build -t "$registry/decaybench-operator:$version" -f operator/controller/Dockerfile operator/controller
fi
echo "built $registry/decaybench-runner:$version-{python,node} and $registry/decaybench-operator:$version"
