// Command etcd is etcd's server at the version Kubernetes itself is tested with (go.mod pins it
// through k8s.io/kubernetes), so the e2e control plane does not depend on Debian's older etcd 3.4.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
