package main

import (
	"context"
	"regexp"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/dynamic"
)

const tkcFinalizer = "tanzukubernetescluster.run.tanzu.vmware.com"

// tkcReconciler does what the Supervisor does with a TanzuKubernetesCluster since vSphere 8:
// it turns it into a Cluster API Cluster of the tanzukubernetescluster ClusterClass, and
// reports that Cluster's progress back on the TanzuKubernetesCluster.
type tkcReconciler struct {
	dyn            dynamic.Interface
	tkcs, clusters *controller
	pools          func(ns, cluster string) []*unstructured.Unstructured
}

func (r *tkcReconciler) reconcile(ctx context.Context, ns, name string) (time.Duration, error) {
	tkc := r.tkcs.get(ns, name)
	if tkc == nil {
		return 0, nil
	}
	res := r.dyn.Resource(tkcGVR).Namespace(ns)
	clusters := r.dyn.Resource(clusterGVR).Namespace(ns)
	if tkc.GetDeletionTimestamp() != nil {
		err := clusters.Delete(ctx, name, metav1.DeleteOptions{})
		if err == nil || r.clusters.get(ns, name) != nil {
			return time.Second, nil
		}
		if !apierrors.IsNotFound(err) {
			return 0, err
		}
		return 0, removeFinalizer(ctx, res, tkc, tkcFinalizer)
	}
	if added, err := addFinalizer(ctx, res, tkc, tkcFinalizer); added || err != nil {
		return 0, err
	}

	topology := clusterTopology(tkc)
	cl := r.clusters.get(ns, name)
	if cl == nil {
		cl = &unstructured.Unstructured{Object: map[string]any{
			"apiVersion": clusterAPI, "kind": "Cluster",
			"metadata": map[string]any{
				"name": name, "namespace": ns, "labels": map[string]any{"run.tanzu.vmware.com/tkc": name},
				"ownerReferences": []any{ownerRef(tkc)},
			},
			"spec": map[string]any{
				"clusterNetwork": map[string]any{
					"pods":          map[string]any{"cidrBlocks": []any{"192.168.0.0/16"}},
					"services":      map[string]any{"cidrBlocks": []any{"10.96.0.0/12"}},
					"serviceDomain": "cluster.local",
				},
				"topology": topology,
			},
		}}
		_, err := clusters.Create(ctx, cl, metav1.CreateOptions{FieldManager: fieldManager})
		if err != nil && !apierrors.IsAlreadyExists(err) {
			return 0, err
		}
		return time.Second, nil
	}
	if err := mergePatch(ctx, clusters, name, map[string]any{"spec": map[string]any{"topology": topology}}); err != nil {
		return 0, err
	}
	return r.writeStatus(ctx, tkc, cl)
}

// clusterTopology maps the TanzuKubernetesCluster spec to a Cluster topology: node pools become
// machineDeployments with vmClass and storageClass overrides.
func clusterTopology(tkc *unstructured.Unstructured) map[string]any {
	var pools []any
	for _, p := range list(tkc.Object, "spec", "topology", "nodePools") {
		md := map[string]any{"class": "node-pool", "name": p["name"], "replicas": replicas(p, "replicas")}
		var overrides []any
		for _, k := range []string{"vmClass", "storageClass"} {
			if v, ok := p[k].(string); ok && v != "" {
				overrides = append(overrides, map[string]any{"name": k, "value": v})
			}
		}
		if len(overrides) > 0 {
			md["variables"] = map[string]any{"overrides": overrides}
		}
		if f, ok := p["failureDomain"].(string); ok && f != "" {
			md["failureDomain"] = f
		}
		pools = append(pools, md)
	}
	return map[string]any{
		"classRef":     map[string]any{"name": "tanzukubernetescluster"},
		"version":      versionFromTKR(str(tkc, "spec", "topology", "controlPlane", "tkr", "reference", "name")),
		"controlPlane": map[string]any{"replicas": replicas(tkc.Object, "spec", "topology", "controlPlane", "replicas")},
		"variables": []any{
			map[string]any{"name": "vmClass", "value": str(tkc, "spec", "topology", "controlPlane", "vmClass")},
			map[string]any{"name": "storageClass", "value": str(tkc, "spec", "topology", "controlPlane", "storageClass")},
		},
		"workers": map[string]any{"machineDeployments": pools},
	}
}

var tkrName = regexp.MustCompile(`^v(\d+\.\d+\.\d+)---(.+?)(-vkr\.\d+)?$`)

// versionFromTKR turns a release name (v1.32.7---vmware.1-fips-vkr.2) into its Kubernetes
// version (v1.32.7+vmware.1-fips), as the Supervisor does.
func versionFromTKR(name string) string {
	if m := tkrName.FindStringSubmatch(name); m != nil {
		return "v" + m[1] + "+" + m[2]
	}
	if name == "" {
		return "v1.33.3+vmware.1-fips"
	}
	return name
}

func (r *tkcReconciler) writeStatus(ctx context.Context, tkc, cl *unstructured.Unstructured) (time.Duration, error) {
	conds := list(tkc.Object, "status", "conditions")
	var nodePools []any
	total, allReady := 0, true
	for _, md := range r.pools(tkc.GetNamespace(), cl.GetName()) {
		desired, _ := num(md, "spec", "replicas")
		ready, _ := num(md, "status", "readyReplicas")
		total += int(desired)
		allReady = allReady && ready == desired
		nodePools = append(nodePools, map[string]any{
			"name": md.GetLabels()[topologyMDLabel], "replicas": desired, "readyReplicas": ready, "phase": str(md, "status", "phase"),
		})
	}
	cpReady := str(cl, "status", "phase") == "Provisioned"
	ready := cpReady && allReady
	phase := "creating"
	if ready {
		phase = "running"
	} else if cpReady {
		phase = "updating"
	}
	status := map[string]any{
		"phase":               phase,
		"totalWorkerReplicas": total,
		"version":             str(cl, "spec", "topology", "version"),
		"nodePools":           nodePools,
		"conditions": []any{
			legacyCondition("Ready", ready, conds),
			legacyCondition("ControlPlaneReady", cpReady, conds),
			legacyCondition("NodePoolsReady", allReady, conds),
		},
	}
	if host := str(cl, "spec", "controlPlaneEndpoint", "host"); host != "" {
		status["apiEndpoints"] = []any{map[string]any{"host": host, "port": 6443}}
	}
	if err := mergePatch(ctx, r.dyn.Resource(tkcGVR).Namespace(tkc.GetNamespace()), tkc.GetName(), map[string]any{"status": status}, "status"); err != nil {
		return 0, err
	}
	if !ready {
		return time.Second, nil
	}
	return 0, nil
}
