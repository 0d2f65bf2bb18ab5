#!/usr/bin/env bash
# Builds decaybench's container images from the Maven artefacts, with Docker, podman or buildah.
#
#   images/build.sh [--local-base] [--archive DIR] [--skip-maven] [REGISTRY]
#
# Tags (VERSION is the chart's appVersion, helm/decaybench/Chart.yaml: the one version string the
# chart and the operator's defaults use too; ImageVersionTest keeps them equal):
#   REGISTRY/decaybench-runner:VERSION-python   runner + Python runtime (runner-image/Dockerfile)
#   REGISTRY/decaybench-runner:VERSION-node     runner + Node.js runtime (runner-image/Dockerfile.node)
#   REGISTRY/decaybench-operator:VERSION        the operator (operator/controller/Dockerfile)
# REGISTRY defaults to "decaybench", the chart's default repositories.
#
# --local-base   no registry reachable: the Debian base is made here with debootstrap (bookworm)
#                and imported as localhost/decaybench/debian:bookworm-slim; the Node.js image gets
#                Debian's nodejs on it; also builds the images a cluster without a registry needs:
#                the pod sandbox (localhost/decaybench/pause:3.10, Kubernetes' pause.c compiled
#                here) and PostgreSQL (REGISTRY/decaybench-postgres:VERSION, Debian's 15).
#                Users with a registry keep the public bases (FROM through build arguments).
# --archive DIR  also writes each image as an archive into DIR (for `ctr images import`;
#                operator/e2e/cluster.sh up-node imports them into its node).
set -euo pipefail
cd "$(dirname "$0")/.."

local_base=false archive="" skip_maven=false registry=decaybench
while [ $# -gt 0 ]; do
  case "$1" in
    --local-base) local_base=true ;;
    --archive) archive="$2"; shift ;;
    --skip-maven) skip_maven=true ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) registry="$1" ;;
  esac
  shift
done

version="$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' helm/decaybench/Chart.yaml)"
[ -n "$version" ] || { echo "no appVersion in helm/decaybench/Chart.yaml" >&2; exit 1; }
cache="${DECAYBENCH_IMAGE_CACHE:-/var/cache/decaybench/images}"

if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  build() { docker build "$@"; }
  save() { docker save -o "$2" "$1"; }
  image_id() { docker image inspect -f '{{.Id}}' "$1"; }
elif command -v buildah >/dev/null; then
  build() { buildah bud --quiet --layers --network host "$@"; }
  # docker-archive keeps the fully qualified name, which containerd and the kubelet match on
  save() { rm -f "$2"; buildah push --quiet "$1" "docker-archive:$2:$(qualified "$1")"; }
  image_id() { buildah inspect --type image --format '{{.FromImageID}}' "$1"; }
else
  echo "no image builder: install docker, podman or buildah" >&2
  exit 1
fi

# docker.io/ for a name without a registry part, as the kubelet and containerd read it
qualified() {
  case "${1%%/*}" in
    *.*|*:*|localhost) echo "$1" ;;
    *) echo "docker.io/$1" ;;
  esac
}

built=()
image() { # image TAG BUILD-ARGS...
  local tag="$1"; shift
  echo "images/build.sh: building $tag" >&2
  build -t "$tag" "$@"
  built+=("$tag")
}

if ! $skip_maven; then
  mvn -B -q -DskipTests install -pl runner-image,operator/controller -am
fi

# the build machine's extra CAs (a registry behind a TLS proxy) for downloads during the build;
# the Dockerfiles do not keep them
mkdir -p runner-image/target/build-ca
rm -f runner-image/target/build-ca/*.crt
cp /usr/local/share/ca-certificates/*.crt runner-image/target/build-ca/ 2>/dev/null || true

base_args=() node_args=()
if $local_base; then
  command -v buildah >/dev/null || { echo "--local-base needs buildah" >&2; exit 1; }
  base=localhost/decaybench/debian:bookworm-slim
  if ! buildah inspect --type image "$base" >/dev/null 2>&1; then
    rootfs="$cache/bookworm-rootfs"
    if [ ! -f "$rootfs/.complete" ]; then
      echo "images/build.sh: debootstrap bookworm into $rootfs (once per machine)" >&2
      rm -rf "$rootfs.staging"
      debootstrap --variant=minbase bookworm "$rootfs.staging" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >&2
      rm -rf "$rootfs.staging/var/cache/apt/archives/"*.deb
      touch "$rootfs.staging/.complete"
      rm -rf "$rootfs"; mv "$rootfs.staging" "$rootfs"
    fi
    ctr_id="$(buildah from scratch)"
    buildah copy --quiet "$ctr_id" "$rootfs" / >/dev/null
    buildah config --cmd /bin/bash "$ctr_id"
    buildah commit --quiet "$ctr_id" "$base" >/dev/null
    buildah rm "$ctr_id" >/dev/null
  fi
  base_args=(--build-arg "BASE=$base")
  image localhost/decaybench/node:bookworm "${base_args[@]}" -f images/node-base/Dockerfile images/node-base
  unset 'built[-1]' # a base only, nothing runs it
  node_args=(--build-arg "BASE=localhost/decaybench/node:bookworm")

  # the pod sandbox image: Kubernetes' own pause.c, from the Go module cache of operator/e2e/k8s
  pause_src="$(cd operator/e2e/k8s && go list -m -f '{{.Dir}}' k8s.io/kubernetes 2>/dev/null)/build/pause/linux/pause.c"
  [ -f "$pause_src" ] || { (cd operator/e2e/k8s && go mod download k8s.io/kubernetes); \
    pause_src="$(cd operator/e2e/k8s && go list -m -f '{{.Dir}}' k8s.io/kubernetes)/build/pause/linux/pause.c"; }
  mkdir -p "$cache/pause"
  gcc -Os -static -DVERSION=3.10-decaybench -o "$cache/pause/pause" "$pause_src"
  ctr_id="$(buildah from scratch)"
  buildah copy --quiet "$ctr_id" "$cache/pause/pause" /pause >/dev/null
  buildah config --entrypoint '["/pause"]' --user 65535:65535 "$ctr_id"
  buildah commit --quiet "$ctr_id" localhost/decaybench/pause:3.10 >/dev/null
  buildah rm "$ctr_id" >/dev/null
  built+=(localhost/decaybench/pause:3.10)

  image "$registry/decaybench-postgres:$version" "${base_args[@]}" -f images/postgres/Dockerfile images/postgres
fi

image "$registry/decaybench-runner:$version-python" "${base_args[@]}" -f runner-image/Dockerfile runner-image
image "$registry/decaybench-runner:$version-node" "${node_args[@]}" -f runner-image/Dockerfile.node runner-image
image "$registry/decaybench-operator:$version" "${base_args[@]}" -f operator/controller/Dockerfile operator/controller

if [ -n "$archive" ]; then
  mkdir -p "$archive"
  for tag in "${built[@]}"; do
    file="$archive/$(echo "$tag" | tr '/:' '__').tar"
    id="$(image_id "$tag")"
    # an unchanged image keeps its archive (and a node's import of it): gigabytes not rewritten
    if [ -f "$file" ] && [ "$(cat "$file.id" 2>/dev/null)" = "$id" ]; then
      continue
    fi
    save "$tag" "$file"
    echo "$id" >"$file.id"
  done
fi
printf 'built %s\n' "${built[@]}"
