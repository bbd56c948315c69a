// Command supervisor runs a stand-in for a vSphere Supervisor's Kubernetes API: a real
// kube-apiserver and kube-controller-manager over an embedded etcd, with the Cluster API and
// VM Operator CRDs, RBAC for the Backstage plugin and a seeded demo namespace.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"k8s.io/klog/v2"
)

type config struct {
	listen   string
	dir      string
	crds     string
	etcdPort int
	// workload: a workload cluster's API server (no CRDs, a reader account and demo pods)
	workload bool
	// seed: which Supervisor's objects to apply (supervisor, or supervisor2 for a second one)
	seed string
	// etcdServers: use this etcd (under its own prefix) instead of starting one
	etcdServers, etcdPrefix string
	// vmopVersions: the VM Operator versions to serve (nil: all, v1alpha6 derived where missing)
	vmopVersions []string
}

func main() {
	var c config
	flag.StringVar(&c.listen, "listen", "127.0.0.1:16443", "host:port of the Kubernetes API (TLS)")
	flag.StringVar(&c.dir, "dir", "", "absolute state directory (certificates, etcd data, tokens, ready.json)")
	flag.StringVar(&c.crds, "crds", "", "directory of CRD YAML files to apply (see crds.sh)")
	flag.IntVar(&c.etcdPort, "etcd-port", 12379, "etcd client port on 127.0.0.1; the peer port is the next one")
	flag.BoolVar(&c.workload, "workload", false, "serve a workload cluster's API server instead of the Supervisor's (no --crds)")
	flag.StringVar(&c.seed, "seed", "supervisor", "the Supervisor seed to apply: supervisor, or supervisor2 (a second Supervisor's team-b)")
	flag.StringVar(&c.etcdServers, "etcd-servers", "", "an etcd already running (e.g. the Supervisor's); none is started then")
	flag.StringVar(&c.etcdPrefix, "etcd-prefix", "/registry", "key prefix of this API server in etcd")
	vmop := flag.String("vmop-versions", "", "comma-separated VM Operator versions to serve, the newest as storage (default: all, with v1alpha6)")
	flag.Parse()
	var err error
	if c.vmopVersions, err = parseVMOpVersions(*vmop); err != nil {
		fmt.Fprintln(os.Stderr, "supervisor:", err)
		os.Exit(2)
	}
	if !filepath.IsAbs(c.dir) || (c.crds == "") != c.workload {
		fmt.Fprintln(os.Stderr, "usage: supervisor --listen 127.0.0.1:16443 --dir <absolute dir> (--crds <dir> | --workload) [--etcd-port 12379]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, c); err != nil {
		klog.Flush()
		fmt.Fprintln(os.Stderr, "supervisor:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, c config) error {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	readyFile := filepath.Join(c.dir, "ready.json")
	// A stale ready.json from an earlier run must never be mistaken for this one.
	_ = os.Remove(readyFile)
	defer os.Remove(readyFile)

	p, err := ensurePKI(c.dir)
	if err != nil {
		return err
	}
	url := "https://" + c.listen
	adminKubeconfig := filepath.Join(c.dir, "admin.kubeconfig")
	auth, err := adminAuth(p)
	if err != nil {
		return err
	}
	if err := writeKubeconfig(adminKubeconfig, url, p.CACert, "testenv-admin", auth); err != nil {
		return err
	}

	etcdURL := c.etcdServers
	if etcdURL == "" {
		etcd, url, err := startEtcd(c.dir, c.etcdPort)
		if err != nil {
			return err
		}
		defer etcd.Close()
		etcdURL = url
	}

	// Servers stop on this context; the deferred cancel runs before etcd closes.
	srvCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	args, err := apiserverArgs(c.listen, etcdURL, url, p)
	args = append(args, "--etcd-prefix="+c.etcdPrefix)
	if err != nil {
		return err
	}
	apiDone, err := runAPIServer(srvCtx, args)
	if err != nil {
		return fmt.Errorf("kube-apiserver: %w", err)
	}
	admin, err := waitHealthy(srvCtx, adminKubeconfig, apiDone, 3*time.Minute)
	if err != nil {
		return err
	}
	start := time.Now()
	a, err := newApplier(admin)
	if err != nil {
		return err
	}
	if !c.workload {
		if err := installCRDs(srvCtx, a, c.crds, p, newVMOpSelector(c.vmopVersions)); err != nil {
			return fmt.Errorf("CRDs: %w", err)
		}
	}
	// Started after the CRDs so that garbage collection and quota see them from the start
	// (they discover new resource types only every 30 seconds).
	kcmDone, err := runControllerManager(srvCtx, adminKubeconfig, p)
	if err != nil {
		return fmt.Errorf("kube-controller-manager: %w", err)
	}
	boot := bootstrap
	if c.workload {
		boot = bootstrapWorkload
	}
	ready, err := boot(srvCtx, c, a, admin, url, p)
	if err != nil {
		return fmt.Errorf("bootstrap: %w", err)
	}
	ready.AdminKubeconfig = adminKubeconfig
	if err := writeReady(readyFile, ready); err != nil {
		return err
	}
	klog.InfoS("API server ready", "workload", c.workload, "url", url, "bootstrap", time.Since(start).Round(time.Millisecond))

	select {
	case <-ctx.Done():
		klog.InfoS("Shutting down")
		cancel()
		<-apiDone
		return nil
	case err := <-apiDone:
		return fmt.Errorf("kube-apiserver stopped: %v", err)
	case err := <-kcmDone:
		return fmt.Errorf("kube-controller-manager stopped: %v", err)
	}
}
