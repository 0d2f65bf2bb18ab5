#!/usr/bin/env bash
# Regenerates the CRDs from the Java model (operator/model, package dev.decaybench.model.v1alpha1)
# and copies them here and into the Helm chart (helm/decaybench/crds/). CrdDriftTest fails until
# the copies here match the generated files; the chart's CrdSyncTest until the chart's match these.
#   crds/regenerate.sh            (from anywhere; extra arguments go to Maven, e.g. -o)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -pl operator/model -am process-classes "$@"
generated=operator/model/target/classes/META-INF/fabric8
for crd in evaluationruns.decaybench.dev-v1.yml evaluationtrials.decaybench.dev-v1.yml; do
  cp "$generated/$crd" "crds/$crd"
  cp "$generated/$crd" "helm/decaybench/crds/$crd"
  echo "crds/$crd helm/decaybench/crds/$crd"
done
