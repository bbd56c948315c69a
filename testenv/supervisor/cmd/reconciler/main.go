// Command reconciler is a test-only stand-in for the Supervisor's controllers (VM Operator,
// Cluster API with the vSphere provider, the TanzuKubernetesCluster controller and the namespace
// sync from vCenter). It advances status on the real API server and backs every VM with a VM in
// the vSphere simulator, so that clients can be tested waiting for readiness.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/dynamic/dynamicinformer"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/backstage-vsphere/testenv/supervisor/manifests"
)

// vmWorkers reconcile VirtualMachines in parallel.
const vmWorkers = 8

type options struct {
	kubeconfig, vcURL, vcCA, username, password, readyFile string
	// the vCenter cluster this Supervisor runs on; only its namespaces are mirrored
	cluster string
	// a cluster (namespace/name) whose control plane is a real API server, and where it listens
	workloadCluster, workloadURL, workloadCA string
}

func main() {
	var o options
	flag.StringVar(&o.kubeconfig, "kubeconfig", "", "admin kubeconfig of the Supervisor stand-in")
	flag.StringVar(&o.vcURL, "vcenter-url", "https://127.0.0.1:18443", "vSphere simulator URL")
	flag.StringVar(&o.vcCA, "vcenter-ca", "", "CA certificate (PEM) of the vSphere simulator")
	flag.StringVar(&o.username, "username", "administrator@vsphere.local", "vCenter user")
	flag.StringVar(&o.password, "password", os.Getenv("TESTENV_PASSWORD"), "vCenter password (default $TESTENV_PASSWORD)")
	flag.StringVar(&o.readyFile, "ready-file", "", "file to create once all controllers run")
	flag.StringVar(&o.cluster, "supervisor-cluster", "", "vCenter cluster id of this Supervisor; other clusters' namespaces are skipped (default: all)")
	flag.StringVar(&o.workloadCluster, "workload-cluster", "", "namespace/name of the cluster whose endpoint is --workload-url")
	flag.StringVar(&o.workloadURL, "workload-url", "", "URL of that cluster's API server (testenv's workload component)")
	flag.StringVar(&o.workloadCA, "workload-ca", "", "CA certificate (PEM) of that API server")
	flag.Parse()
	if o.kubeconfig == "" || o.vcCA == "" || o.password == "" {
		fmt.Fprintln(os.Stderr, "usage: reconciler --kubeconfig <admin.kubeconfig> --vcenter-url <url> --vcenter-ca <ca.pem> --username <user> --password <pw> [--ready-file <file>]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "reconciler:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	cfg, err := clientcmd.BuildConfigFromFlags("", o.kubeconfig)
	if err != nil {
		return err
	}
	cfg.QPS, cfg.Burst = 50, 100
	cfg.UserAgent = userAgent
	// The real controllers' finalizer names draw "not domain-qualified" warnings on every write.
	cfg.WarningHandler = rest.NoWarnings{}
	dyn, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return err
	}
	if err := discoverVMOperatorVersion(cfg); err != nil {
		return err
	}
	vc, err := connectVCenter(ctx, o.vcURL, o.vcCA, o.username, o.password)
	if err != nil {
		return err
	}
	// VMs of this Supervisor are placed in its own cluster, as vCenter places them
	vc.clusterID = o.cluster
	clusterClass, err := seedClusterClass()
	if err != nil {
		return err
	}

	// A periodic resync repairs anything a missed event or a failed write left behind.
	f := dynamicinformer.NewDynamicSharedInformerFactory(dyn, 5*time.Minute)
	vmr := &vmReconciler{dyn: dyn, vc: vc, seen: map[types.UID]time.Time{}}
	vms := newController("virtualmachine", f, vmGVR, vmr.reconcile)
	// VMs are independent of each other; several workers keep a burst of new ones from queueing
	// behind each other's vCenter tasks.
	vms.workers = vmWorkers
	vmr.cache = vms

	workload, err := readWorkloadEndpoint(o)
	if err != nil {
		return err
	}
	cr := &clusterReconciler{dyn: dyn, vms: vms, created: map[string]string{}, deleted: map[string]time.Time{},
		mds: cacheOf(f, mdGVR), machines: cacheOf(f, machineGVR), images: cacheOf(f, cvmImageGVR), workload: workload}
	clusters := newController("cluster", f, clusterGVR, cr.reconcile)
	cr.clusters = clusters
	byClusterLabel := func(o *unstructured.Unstructured) []string {
		if name, ok := o.GetLabels()[clusterNameLabel]; ok {
			return []string{key(o.GetNamespace(), name)}
		}
		return nil
	}
	for _, c := range []*controller{cr.mds, cr.machines, vms} {
		clusters.watch(c.informer, byClusterLabel)
	}

	tr := &tkcReconciler{dyn: dyn, clusters: clusters, pools: func(ns, cluster string) []*unstructured.Unstructured {
		return cr.list(cr.mds, ns, map[string]string{clusterNameLabel: cluster})
	}}
	tkcs := newController("tanzukubernetescluster", f, tkcGVR, tr.reconcile)
	tr.tkcs = tkcs
	// A TanzuKubernetesCluster's Cluster has its name, so cluster events map to it directly.
	tkcs.watch(clusters.informer, func(o *unstructured.Unstructured) []string { return []string{key(o.GetNamespace(), o.GetName())} })
	tkcs.watch(cr.mds.informer, byClusterLabel)

	f.Start(ctx.Done())
	for gvr, ok := range f.WaitForCacheSync(ctx.Done()) {
		if !ok {
			return fmt.Errorf("cache of %s did not sync", gvr.Resource)
		}
	}
	for _, c := range []*controller{vms, clusters, tkcs} {
		go c.run(ctx)
	}
	ns := &namespaceSync{dyn: dyn, vc: vc, clusterClass: clusterClass, cluster: o.cluster}
	go ns.run(ctx)

	if o.readyFile != "" {
		if err := os.WriteFile(o.readyFile, []byte(fmt.Sprintf("%d\n", os.Getpid())), 0o644); err != nil {
			return err
		}
		defer os.Remove(o.readyFile)
	}
	fmt.Fprintln(os.Stderr, "reconciler: running")
	<-ctx.Done()
	return nil
}

// discoverVMOperatorVersion uses the VM Operator version the API server prefers (its storage
// version here: testenv makes the newest served version the storage version).
func discoverVMOperatorVersion(cfg *rest.Config) error {
	disc, err := discovery.NewDiscoveryClientForConfig(cfg)
	if err != nil {
		return err
	}
	groups, err := disc.ServerGroups()
	if err != nil {
		return fmt.Errorf("discovering API groups: %w", err)
	}
	for _, g := range groups.Groups {
		if g.Name == vmGVR.Group {
			useVMOperatorVersion(g.PreferredVersion.Version)
			fmt.Fprintln(os.Stderr, "reconciler: VM Operator", g.PreferredVersion.Version)
			return nil
		}
	}
	return fmt.Errorf("the Supervisor serves no %s API", vmGVR.Group)
}

// cacheOf is an informer-backed cache of objects that no controller of ours owns.
func cacheOf(f dynamicinformer.DynamicSharedInformerFactory, gvr schema.GroupVersionResource) *controller {
	return &controller{name: gvr.Resource, gvr: gvr, informer: f.ForResource(gvr).Informer()}
}

// seedClusterClass reads the Supervisor's ClusterClass from the seed, to publish it into new namespaces.
func seedClusterClass() (*unstructured.Unstructured, error) {
	data, err := manifests.Seed.ReadFile("60-cluster-classes.yaml")
	if err != nil {
		return nil, err
	}
	dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(data), 4096)
	for {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, errors.New("no ClusterClass in the seed")
			}
			return nil, err
		}
		if m["kind"] == "ClusterClass" {
			u := &unstructured.Unstructured{Object: m}
			u.SetNamespace("")
			return u, nil
		}
	}
}
