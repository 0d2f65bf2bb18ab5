# The real node of cluster.sh (sourced by it, not run alone): containerd from Debian with runc
# and the CNI bridge plugin, and the kubelet built with the control plane. Everything lives under
# $state/node, so `cluster.sh down` removes it, except containerd's image store
# ($DECAYBENCH_E2E_CONTAINERD_ROOT, /var/cache/decaybench/containerd): `down` deletes every
# container in it but keeps the images, so the next `up` imports only the layers of images that
# changed (gigabytes otherwise unpacked on every run). Nothing is installed into the host's own
# containerd or /var/lib/kubelet.
#
# The node is tainted (decaybench.dev/real-node): only pods that tolerate it run here, so suites
# that script their pods on the stand-in node never land on real containers by accident.
#
# Versions: Kubernetes 1.34 is the newest kubelet that still starts on cgroup v1 without being
# told otherwise (1.35 turns failCgroupV1 on; we set it off anyway) and the last line that
# supports containerd 1.x, which is what Debian bookworm ships (1.6, CRI v1).

node_dir() { echo "$state/node"; }

# The host's first global IPv4 address (the kubelet refuses a loopback node IP); the API
# server reaches the kubelet there for logs and exec.
node_ip() {
  ip -4 -o addr show scope global | awk -v b="$bridge" '$2 != b {sub(/\/.*/, "", $4); print $4; exit}'
}

containerd_sock() { echo "$(node_dir)/containerd/containerd.sock"; }

containerd_root() { echo "${DECAYBENCH_E2E_CONTAINERD_ROOT:-/var/cache/decaybench/containerd}"; }

node_ctr() { ctr --address "$(containerd_sock)" --namespace k8s.io "$@"; }

write_containerd_config() {
  local d; d="$(node_dir)"
  mkdir -p "$d/containerd" "$d/cni/net.d"
  cat >"$d/containerd/config.toml" <<EOF
version = 2
root = "$(containerd_root)"
state = "$d/containerd/state"
[grpc]
  address = "$(containerd_sock)"
[plugins."io.containerd.grpc.v1.cri"]
  # no registry is reachable: the pod sandbox image is built here (images/build.sh)
  sandbox_image = "${DECAYBENCH_E2E_PAUSE_IMAGE:-localhost/decaybench/pause:3.10}"
  enable_unprivileged_ports = false
  # root here lacks CAP_SYS_RESOURCE (a VM's init dropped it): a negative oom_score_adj, which
  # the kubelet asks for its pod sandboxes, would fail every pod; clamp it to containerd's own
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$d/cni/net.d"
EOF
  cat >"$d/cni/net.d/10-decaybench.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "decaybench",
  "plugins": [
    {"type": "bridge", "bridge": "$bridge", "isGateway": true, "ipMasq": true, "hairpinMode": true,
     "ipam": {"type": "host-local", "ranges": [[{"subnet": "$pod_cidr"}]],
              "routes": [{"dst": "0.0.0.0/0"}], "dataDir": "$d/cni/ipam"}},
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
EOF
}

write_kubelet_config() {
  local d; d="$(node_dir)"
  mkdir -p "$d/kubelet"
  cat >"$d/kubelet/config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $(node_ip)
port: $kubelet_port
readOnlyPort: 0
healthzPort: 0
tlsCertFile: $state/pki/kubelet-serving.crt
tlsPrivateKeyFile: $state/pki/kubelet-serving.key
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $state/pki/ca.crt}
authorization: {mode: Webhook}
cgroupDriver: cgroupfs
failCgroupV1: false
failSwapOn: false
containerRuntimeEndpoint: unix://$(containerd_sock)
clusterDomain: cluster.local
resolvConf: /etc/resolv.conf
podCIDR: $pod_cidr
maxPods: 110
serializeImagePulls: false
# a shared development machine: never evict trials for the host's disk or memory
evictionHard: {memory.available: "64Mi", nodefs.available: "1%", imagefs.available: "1%", nodefs.inodesFree: "1%"}
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
enforceNodeAllocatable: []
cgroupsPerQOS: true
kubeletCgroups: ""
localStorageCapacityIsolation: true
# volume usage read every 10 s, not every minute: the emptyDir size limits act within a trial
volumeStatsAggPeriod: 10s
containerLogMaxSize: 10Mi
EOF
}

up_node() {
  local d; d="$(node_dir)"
  for tool in containerd runc ctr; do
    command -v "$tool" >/dev/null || { log "$tool is needed for the node (apt-get install containerd runc)"; exit 1; }
  done
  [ -x /usr/lib/cni/bridge ] || { log "the CNI plugins are needed (apt-get install containernetworking-plugins)"; exit 1; }
  mkdir -p "$state/run" "$state/logs"
  if ! running containerd; then
    write_containerd_config
    umask 022
    setsid containerd --config "$d/containerd/config.toml" >"$state/logs/containerd.log" 2>&1 </dev/null &
    echo $! >"$state/run/containerd.pid"
    wait_for 30 containerd containerd_answers
  fi
  import_images
  if ! running kubelet; then
    node_kubeconfig "$node_name" >/dev/null
    write_kubelet_config
    start kubelet --config "$d/kubelet/config.yaml" --kubeconfig "$state/kubeconfigs/node-$node_name.yaml" \
      --hostname-override "$node_name" --node-ip "$(node_ip)" --root-dir "$d/kubelet/root" \
      --cert-dir "$d/kubelet/pki" --v 1 \
      --register-with-taints "${DECAYBENCH_E2E_NODE_TAINT:-decaybench.dev/real-node=true:NoSchedule}"
  fi
  wait_for 90 kubelet node_ready
  if ! running kube-proxy; then
    write_kube_proxy_config
    start kube-proxy --config "$d/kube-proxy.yaml"
  fi
  wait_for 60 kube-proxy kube_proxy_ready
  log "node $node_name ready (containerd $(containerd --version | awk '{print $3}'), runc $(runc --version | awk 'NR==1{print $3}'))"
}

# Services for pods (the operator in the cluster reaches the API server as 10.96.0.1:443):
# iptables rules; conntrack sysctls are left alone (this machine may not allow them).
write_kube_proxy_config() {
  cat >"$(node_dir)/kube-proxy.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: $state/kubeconfigs/kube-proxy.yaml
hostnameOverride: $node_name
clusterCIDR: $pod_cidr
mode: iptables
conntrack:
  maxPerCore: 0
  tcpEstablishedTimeout: 0s
  tcpCloseWaitTimeout: 0s
metricsBindAddress: 127.0.0.1:10249
healthzBindAddress: 127.0.0.1:10256
EOF
}

kube_proxy_ready() { curl -sf --max-time 2 -o /dev/null http://127.0.0.1:10256/healthz; }

node_ready() {
  api GET "/api/v1/nodes/$node_name" 2>/dev/null | python3 -c '
import json, sys
conditions = json.load(sys.stdin).get("status", {}).get("conditions", [])
sys.exit(0 if any(c["type"] == "Ready" and c["status"] == "True" for c in conditions) else 1)'
}

# Images from $DECAYBENCH_E2E_IMAGES (OCI archives, images/build.sh --archive DIR) into the
# node's containerd, so pods use them with imagePullPolicy IfNotPresent. An archive is imported
# again only when it changed (build.sh writes the image's id beside it); the record of what was
# imported lives in containerd's root, so a wiped root imports everything.
import_images() {
  local dir="${DECAYBENCH_E2E_IMAGES:-/var/cache/decaybench/images/archives}" f stamp seen
  [ -d "$dir" ] || return 0
  seen="$(containerd_root)/.decaybench-imported"
  mkdir -p "$seen"
  for f in "$dir"/*.tar; do
    [ -f "$f" ] || continue
    stamp="$(cat "$f.id" 2>/dev/null || stat -c '%Y-%s' "$f")"
    if [ "$(cat "$seen/$(basename "$f")" 2>/dev/null)" != "$stamp" ]; then
      node_ctr images import --all-platforms "$f" >/dev/null
      echo "$stamp" >"$seen/$(basename "$f")"
    fi
  done
}

down_node() {
  local d pid m; d="$(node_dir)"
  [ -d "$d" ] || return 0
  stop_component kube-proxy
  stop_component kubelet
  if running containerd; then
    # the pods' processes first: containerd's shims outlive containerd
    for c in $(node_ctr tasks ls -q 2>/dev/null); do node_ctr tasks kill -s SIGKILL "$c" >/dev/null 2>&1 || true; done
    sleep 1
    for c in $(node_ctr tasks ls -q 2>/dev/null); do node_ctr tasks delete -f "$c" >/dev/null 2>&1 || true; done
    # the image store outlives the node: no container (pod sandbox or not) may outlive it
    for c in $(node_ctr containers ls -q 2>/dev/null); do node_ctr containers rm "$c" >/dev/null 2>&1 || true; done
  fi
  stop_component containerd
  for pid in $(pgrep -f "containerd-shim.*$d" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
  # kubelet's and containerd's mounts under the state directory, deepest first
  for m in $(awk -v d="$d" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r); do umount -l "$m" 2>/dev/null || true; done
  ip link del "$bridge" 2>/dev/null || true
}

containerd_answers() { node_ctr version >/dev/null 2>&1; }
