// etcd for the chart tests: its own main module cannot be `go install`ed, so this wrapper module builds
// the etcd server that the pinned Kubernetes release requires.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
