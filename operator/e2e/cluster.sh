#!/usr/bin/env bash
# A real Kubernetes control plane for the e2e suites: etcd, kube-apiserver (on 127.0.0.1 for
# clients, advertised on the host's address so pods reach it through the kubernetes Service),
# kube-controller-manager and kube-scheduler, built from the k8s.io/kubernetes module pinned in
# k8s/go.mod (see README.md beside this script).
#
#   cluster.sh build                  build the binaries unless the cache has this version
#   cluster.sh up                     build if needed, start (idempotent); last line: admin kubeconfig
#   cluster.sh up-node                also a real node: containerd (Debian) + runc + CNI bridge, a
#                                     kubelet and kube-proxy built from the same source (idempotent)
#   cluster.sh restart-kubelet        stop the node's kubelet and start it again (its pods keep running)
#   cluster.sh down                   stop everything and remove the cluster's state (not the binaries)
#   cluster.sh status                 what runs, exit 1 when the API server is not ready
#   cluster.sh kubeconfig NS SA       a kubeconfig that authenticates as ServiceAccount NS/SA
#   cluster.sh node-kubeconfig NODE   a kubeconfig for a node's kubelet (system:node:NODE)
#
# Settings (environment): DECAYBENCH_K8S_CACHE (built binaries, default
# /var/cache/decaybench/k8s), DECAYBENCH_E2E_DIR (certificates, data, logs, default
# /var/tmp/decaybench-e2e), DECAYBENCH_E2E_API_PORT (6443 + 10000), DECAYBENCH_E2E_ETCD_PORT.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
src="$here/k8s"
k8s_version="$(sed -n 's/^[[:space:]]*\(require[[:space:]]*\)\{0,1\}k8s.io\/kubernetes \(v[0-9.]*\)$/\2/p' "$src/go.mod" | head -1)"
[ -n "$k8s_version" ] || { echo "no k8s.io/kubernetes version in $src/go.mod" >&2; exit 1; }
# The cache key covers everything that changes the binaries, so a changed go.mod rebuilds.
build_key="$k8s_version-$(cat "$src/go.mod" "$src/go.sum" "$src/cmd/etcd/main.go" | sha256sum | cut -c1-12)"
cache="${DECAYBENCH_K8S_CACHE:-/var/cache/decaybench/k8s}"
bin="$cache/$build_key"
state="${DECAYBENCH_E2E_DIR:-/var/tmp/decaybench-e2e}"
api_port="${DECAYBENCH_E2E_API_PORT:-16443}"
etcd_port="${DECAYBENCH_E2E_ETCD_PORT:-12379}"
server="https://127.0.0.1:$api_port"
components=(etcd kube-apiserver kube-controller-manager kube-scheduler)
node_name="${DECAYBENCH_E2E_NODE:-decaybench-node}"
kubelet_port="${DECAYBENCH_E2E_KUBELET_PORT:-10250}"
pod_cidr="${DECAYBENCH_E2E_POD_CIDR:-10.244.0.0/24}"
bridge="${DECAYBENCH_E2E_BRIDGE:-dbcni0}"

log() { echo "cluster.sh: $*" >&2; }

build() {
  if [ -x "$bin/kubelet" ] && [ -x "$bin/etcd" ] && [ -x "$bin/kubectl" ] && [ -x "$bin/kube-proxy" ]; then
    return
  fi
  [ -x /usr/local/go/bin/go ] && PATH="$PATH:/usr/local/go/bin"
  command -v go >/dev/null || { log "the go command (>= 1.24) is needed to build Kubernetes $k8s_version"; exit 1; }
  log "building Kubernetes $k8s_version and etcd into $bin (only on a new machine; minutes)"
  local minor="${k8s_version#v1.}"; minor="${minor%%.*}"
  local ldflags="" pkg
  # Stamp the version the way Kubernetes' own build does: clients and skew checks read it.
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    ldflags+=" -X $pkg.gitTreeState=clean"
  done
  local staging="$cache/.build-$$"
  rm -rf "$staging"; mkdir -p "$staging"
  local started=$SECONDS
  (cd "$src" && CGO_ENABLED=0 go build -ldflags "-s -w $ldflags" -o "$staging/" \
      k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
      k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubelet \
      k8s.io/kubernetes/cmd/kube-proxy k8s.io/kubernetes/cmd/kubectl ./cmd/etcd)
  rm -rf "$bin"; mv "$staging" "$bin"
  log "built in $((SECONDS - started)) s"
}

pid_alive() { # a zombie is dead: PID 1 here never reaps what we orphan
  local pid="$1"
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] && ! awk '{exit ($3=="Z")?0:1}' "/proc/$pid/stat"
}

running() { pid_alive "$(cat "$state/run/$1.pid" 2>/dev/null || true)"; }

start() { # start NAME ARGS...: detached, logs in $state/logs/NAME.log
  local name="$1"; shift
  if running "$name"; then return; fi
  setsid "$bin/$name" "$@" >"$state/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$state/run/$name.pid"
}

api_ready() {
  curl -sf --max-time 3 --cacert "$state/pki/ca.crt" --cert "$state/pki/admin.crt" \
    --key "$state/pki/admin.key" "$server/readyz" >/dev/null 2>&1
}

wait_for() { # wait_for SECONDS WHAT COMMAND...
  local limit="$1" what="$2"; shift 2
  local deadline=$((SECONDS + limit))
  until "$@"; do
    if [ $SECONDS -ge $deadline ]; then
      log "$what not ready after ${limit}s; the end of its log:"
      tail -20 "$state/logs/$what.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
}

# cert NAME CN [O] [SANS]: a key and certificate signed by the cluster's CA
cert() {
  local name="$1" cn="$2" org="${3:-}" sans="${4:-}" subj
  [ -f "$state/pki/$name.crt" ] && return
  subj="/CN=$cn"; [ -n "$org" ] && subj="/O=$org$subj"
  openssl req -new -newkey rsa:2048 -nodes -keyout "$state/pki/$name.key" -subj "$subj" \
    -out "$state/pki/$name.csr" 2>/dev/null
  {
    echo "basicConstraints=CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    if [ -n "$sans" ]; then
      echo "extendedKeyUsage=serverAuth,clientAuth"
      echo "subjectAltName=$sans"
    else
      echo "extendedKeyUsage=clientAuth"
    fi
  } >"$state/pki/$name.ext"
  openssl x509 -req -in "$state/pki/$name.csr" -CA "$state/pki/ca.crt" -CAkey "$state/pki/ca.key" \
    -CAcreateserial -days 3650 -extfile "$state/pki/$name.ext" -out "$state/pki/$name.crt" 2>/dev/null
}

pki() {
  mkdir -p "$state/pki"
  if [ ! -f "$state/pki/ca.crt" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=decaybench-e2e-ca" \
      -keyout "$state/pki/ca.key" -out "$state/pki/ca.crt" 2>/dev/null
  fi
  cert apiserver kube-apiserver "" \
    "IP:127.0.0.1,IP:10.96.0.1,IP:$(node_ip),DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  cert apiserver-kubelet-client kube-apiserver-kubelet-client system:masters
  cert kubelet-serving "system:node:$node_name" system:nodes "IP:127.0.0.1,IP:$(node_ip),DNS:$node_name,DNS:localhost"
  cert admin decaybench-e2e-admin system:masters
  cert controller-manager system:kube-controller-manager
  cert scheduler system:kube-scheduler
  cert kube-proxy system:kube-proxy
  if [ ! -f "$state/pki/sa.key" ]; then
    openssl genrsa -out "$state/pki/sa.key" 2048 2>/dev/null
    openssl rsa -in "$state/pki/sa.key" -pubout -out "$state/pki/sa.pub" 2>/dev/null
  fi
}

# kubeconfig FILE USER (client-certificate NAME | token TOKEN)
write_kubeconfig() {
  local file="$1" user="$2" kind="$3" value="$4" credentials
  if [ "$kind" = token ]; then
    credentials="    token: $value"
  else
    credentials="    client-certificate: $state/pki/$value.crt
    client-key: $state/pki/$value.key"
  fi
  # only this file is private: a umask here would leak into containerd and its snapshots
  ( umask 077; cat >"$file" ) <<EOF
apiVersion: v1
kind: Config
clusters:
- name: decaybench-e2e
  cluster:
    server: $server
    certificate-authority: $state/pki/ca.crt
users:
- name: $user
  user:
$credentials
contexts:
- name: $user@decaybench-e2e
  context:
    cluster: decaybench-e2e
    user: $user
current-context: $user@decaybench-e2e
EOF
}

audit_policy() {
  # Writes only (what the operator costs the API server), metadata only (no payloads).
  cat >"$state/audit-policy.yaml" <<'EOF'
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
- level: None
  verbs: [get, list, watch]
- level: Metadata
EOF
}

up() {
  build
  mkdir -p "$state/run" "$state/logs" "$state/etcd" "$state/kubeconfigs"
  if running kube-apiserver && api_ready && running kube-controller-manager && running kube-scheduler; then
    echo "$state/kubeconfigs/admin.yaml"
    return
  fi
  command -v openssl >/dev/null || { log "openssl is needed for the cluster's certificates"; exit 1; }
  pki
  audit_policy
  write_kubeconfig "$state/kubeconfigs/admin.yaml" admin client-certificate admin
  write_kubeconfig "$state/kubeconfigs/controller-manager.yaml" controller-manager client-certificate controller-manager
  write_kubeconfig "$state/kubeconfigs/scheduler.yaml" scheduler client-certificate scheduler
  write_kubeconfig "$state/kubeconfigs/kube-proxy.yaml" system:kube-proxy client-certificate kube-proxy

  start etcd --name e2e --data-dir "$state/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$((etcd_port + 1))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((etcd_port + 1))" \
    --initial-cluster "e2e=http://127.0.0.1:$((etcd_port + 1))" \
    --listen-metrics-urls "" --log-level warn --quota-backend-bytes 4294967296
  wait_for 30 etcd curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$etcd_port/health"

  start kube-apiserver --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address 0.0.0.0 --advertise-address "$(node_ip)" --secure-port "$api_port" \
    --service-cluster-ip-range 10.96.0.0/16 \
    --client-ca-file "$state/pki/ca.crt" \
    --tls-cert-file "$state/pki/apiserver.crt" --tls-private-key-file "$state/pki/apiserver.key" \
    --kubelet-client-certificate "$state/pki/apiserver-kubelet-client.crt" \
    --kubelet-client-key "$state/pki/apiserver-kubelet-client.key" \
    --kubelet-certificate-authority "$state/pki/ca.crt" \
    --kubelet-preferred-address-types InternalIP,Hostname \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$state/pki/sa.pub" \
    --service-account-signing-key-file "$state/pki/sa.key" \
    --authorization-mode Node,RBAC \
    --enable-admission-plugins NodeRestriction,OwnerReferencesPermissionEnforcement,PodSecurity,ResourceQuota \
    --audit-policy-file "$state/audit-policy.yaml" --audit-log-path "$state/logs/audit.log" \
    --audit-log-maxsize 200 --allow-privileged=true --profiling=false
  wait_for 90 kube-apiserver api_ready

  start kube-controller-manager --kubeconfig "$state/kubeconfigs/controller-manager.yaml" \
    --authentication-kubeconfig "$state/kubeconfigs/controller-manager.yaml" \
    --authorization-kubeconfig "$state/kubeconfigs/controller-manager.yaml" \
    --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false \
    --use-service-account-credentials=true \
    --service-account-private-key-file "$state/pki/sa.key" --root-ca-file "$state/pki/ca.crt" \
    --cluster-signing-cert-file "$state/pki/ca.crt" --cluster-signing-key-file "$state/pki/ca.key" \
    --controllers '*,-nodeipam' --concurrent-gc-syncs 5
  start kube-scheduler --kubeconfig "$state/kubeconfigs/scheduler.yaml" \
    --authentication-kubeconfig "$state/kubeconfigs/scheduler.yaml" \
    --authorization-kubeconfig "$state/kubeconfigs/scheduler.yaml" \
    --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false
  # Ready when the controllers have made the default namespace's ServiceAccount.
  wait_for 60 kube-controller-manager api_get /api/v1/namespaces/default/serviceaccounts/default
  log "up: $server (state in $state, binaries in $bin)"
  echo "$state/kubeconfigs/admin.yaml"
}

# The API with the admin's certificate; no kubectl needed (Debian's is too old for the server).
api() { # api METHOD PATH [BODY]
  curl -sf --max-time 10 --cacert "$state/pki/ca.crt" --cert "$state/pki/admin.crt" \
    --key "$state/pki/admin.key" -X "$1" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "$server$2"
}

api_get() { api GET "$1" >/dev/null 2>&1; }

stop_component() {
  local name="$1" pid i
  pid="$(cat "$state/run/$name.pid" 2>/dev/null || true)"
  if pid_alive "$pid"; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 40); do pid_alive "$pid" || break; sleep 0.25; done
    pid_alive "$pid" && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$state/run/$name.pid"
}

down() {
  local i
  down_node
  for ((i = ${#components[@]} - 1; i >= 0; i--)); do stop_component "${components[$i]}"; done
  rm -rf "$state"
  log "down"
}

status() {
  local c ok=0
  for c in "${components[@]}"; do
    if running "$c"; then echo "$c: running (pid $(cat "$state/run/$c.pid"))"; else echo "$c: stopped"; fi
  done
  api_ready && echo "api: ready at $server" || { echo "api: not ready"; ok=1; }
  return $ok
}

sa_kubeconfig() {
  local ns="$1" sa="$2" token file
  api_ready || { log "the cluster is not up (cluster.sh up)"; exit 1; }
  token="$(api POST "/api/v1/namespaces/$ns/serviceaccounts/$sa/token" \
    '{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{"expirationSeconds":86400}}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"]["token"])' 2>/dev/null)" \
    || { log "no token for ServiceAccount $ns/$sa (does it exist?)"; exit 1; }
  file="$state/kubeconfigs/sa-$ns-$sa.yaml"
  write_kubeconfig "$file" "system:serviceaccount:$ns:$sa" token "$token"
  echo "$file"
}

node_kubeconfig() {
  local node="$1"
  pki
  cert "node-$node" "system:node:$node" system:nodes
  write_kubeconfig "$state/kubeconfigs/node-$node.yaml" "system:node:$node" client-certificate "node-$node"
  echo "$state/kubeconfigs/node-$node.yaml"
}

# shellcheck source=node.sh
. "$here/node.sh"

case "${1:-}" in
  build) build; echo "$bin" ;;
  up) up ;;
  up-node) up >/dev/null; up_node; echo "$state/kubeconfigs/admin.yaml" ;;
  restart-kubelet) stop_component kubelet; up >/dev/null; up_node ;;
  down) down ;;
  status) status ;;
  kubeconfig) [ $# -eq 3 ] || { log "usage: cluster.sh kubeconfig NAMESPACE SERVICEACCOUNT"; exit 2; }; sa_kubeconfig "$2" "$3" ;;
  node-kubeconfig) [ $# -eq 2 ] || { log "usage: cluster.sh node-kubeconfig NODE"; exit 2; }; node_kubeconfig "$2" ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
