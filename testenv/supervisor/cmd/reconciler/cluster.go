package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/dynamic"
)

const clusterFinalizer = "cluster.cluster.x-k8s.io"

// clusterReconciler stands in for Cluster API's topology, MachineDeployment and control-plane
// controllers on a Cluster with a ClusterClass topology: it keeps one MachineDeployment per
// node pool, scales Machines (each backed by a VM Service VM) and reports status.
type clusterReconciler struct {
	dyn                          dynamic.Interface
	clusters, mds, machines, vms *controller
	images                       *controller

	// Writes the caches may not show yet; one worker uses them, so no lock.
	created map[string]string    // machine group -> name of the machine created last
	deleted map[string]time.Time // machine key -> when it was deleted

	workload *workloadEndpoint // the one cluster with a real API server, if any
}

func (r *clusterReconciler) reconcile(ctx context.Context, ns, name string) (time.Duration, error) {
	cl := r.clusters.get(ns, name)
	if cl == nil {
		return 0, nil
	}
	res := r.dyn.Resource(clusterGVR).Namespace(ns)
	if cl.GetDeletionTimestamp() != nil {
		return r.teardown(ctx, cl)
	}
	if added, err := addFinalizer(ctx, res, cl, clusterFinalizer); added || err != nil {
		return 0, err
	}
	topology, ok, _ := unstructured.NestedMap(cl.Object, "spec", "topology")
	if !ok {
		return 0, nil // Clusters without a topology belong to controllers that do not run here.
	}
	conds := list(cl.Object, "status", "conditions")
	className := str(cl, "spec", "topology", "classRef", "name")
	if _, err := r.dyn.Resource(classGVR).Namespace(ns).Get(ctx, className, metav1.GetOptions{}); err != nil {
		msg := fmt.Sprintf("ClusterClass %s/%s: %v", ns, className, err)
		return 10 * time.Second, mergePatch(ctx, res, name, map[string]any{"status": map[string]any{
			"phase":      "Pending",
			"conditions": []any{condition("TopologyReconciled", false, "ClusterClassNotReconciled", msg, conds)},
		}}, "status")
	}
	vars := variables(list(topology, "variables"))
	version := str(cl, "spec", "topology", "version")

	cpDesired := replicas(cl.Object, "spec", "topology", "controlPlane", "replicas")
	cp, err := r.step(ctx, ns, machineGroup{
		owner:        cl,
		labels:       map[string]string{clusterNameLabel: name, controlPlaneLabel: ""},
		namePrefix:   name + "-control-plane-",
		role:         "controlplane",
		version:      version,
		vmClass:      vars["vmClass"],
		storageClass: vars["storageClass"],
	}, cpDesired)
	if err != nil {
		return 0, err
	}

	var workers replicaCounts
	workersDesired := 0
	pools := map[string]bool{}
	for _, md := range list(topology, "workers", "machineDeployments") {
		pool, _ := md["name"].(string)
		pools[pool] = true
		desired := replicas(md, "replicas")
		workersDesired += desired
		counts, err := r.reconcilePool(ctx, cl, md, vars, version, desired)
		if err != nil {
			return 0, err
		}
		workers.replicas += counts.replicas
		workers.ready += counts.ready
	}
	if err := r.removeStalePools(ctx, cl, pools); err != nil {
		return 0, err
	}
	if err := r.writeStatus(ctx, cl, cp, cpDesired, workers, workersDesired); err != nil {
		return 0, err
	}
	if cp.ready > 0 {
		if err := r.ensureAccess(ctx, cl); err != nil {
			return 0, err
		}
	}
	if cp.ready != cpDesired || cp.replicas != cpDesired || workers.ready != workersDesired || workers.replicas != workersDesired {
		return time.Second, nil
	}
	return 0, nil
}

// reconcilePool keeps the MachineDeployment of one topology node pool and its Machines.
func (r *clusterReconciler) reconcilePool(ctx context.Context, cl *unstructured.Unstructured, md map[string]any, vars map[string]string, version string, desired int) (replicaCounts, error) {
	ns, pool := cl.GetNamespace(), md["name"].(string)
	mdName := fmt.Sprintf("%s-%s-%s", cl.GetName(), pool, shortHash(string(cl.GetUID())+pool))
	poolVars := map[string]string{}
	for k, v := range vars {
		poolVars[k] = v
	}
	for k, v := range variables(list(md, "variables", "overrides")) {
		poolVars[k] = v
	}
	selector := map[string]string{clusterNameLabel: cl.GetName(), deploymentNameLabel: mdName}
	mdLabels := map[string]string{clusterNameLabel: cl.GetName(), topologyOwnedLabel: "", topologyMDLabel: pool}
	mdRes := r.dyn.Resource(mdGVR).Namespace(ns)

	obj := r.mds.get(ns, mdName)
	if obj == nil {
		// Not in the cache yet may still mean it exists: ask the server before creating.
		var err error
		obj, err = mdRes.Get(ctx, mdName, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			obj, err = mdRes.Create(ctx, newMachineDeployment(cl, mdName, pool, version, desired, selector, mdLabels, md["failureDomain"]), metav1.CreateOptions{FieldManager: fieldManager})
		}
		if err != nil {
			return replicaCounts{}, err
		}
	} else if got, _ := num(obj, "spec", "replicas"); int(got) != desired || str(obj, "spec", "template", "spec", "version") != version {
		if err := mergePatch(ctx, mdRes, mdName, map[string]any{"spec": map[string]any{
			"replicas": desired, "template": map[string]any{"spec": map[string]any{"version": version}},
		}}); err != nil {
			return replicaCounts{}, err
		}
	}

	failure, _ := md["failureDomain"].(string)
	machineLabels := map[string]string{clusterNameLabel: cl.GetName(), deploymentNameLabel: mdName, topologyOwnedLabel: "", topologyMDLabel: pool}
	counts, err := r.step(ctx, ns, machineGroup{
		owner: obj, labels: machineLabels, namePrefix: mdName + "-", role: "node", version: version,
		vmClass: poolVars["vmClass"], storageClass: poolVars["storageClass"], failure: failure,
	}, desired)
	if err != nil {
		return counts, err
	}
	return counts, r.writePoolStatus(ctx, obj, desired, counts, selector)
}

func newMachineDeployment(cl *unstructured.Unstructured, name, pool, version string, desired int, selector, lbls map[string]string, failure any) *unstructured.Unstructured {
	templateSpec := map[string]any{
		"clusterName": cl.GetName(),
		"version":     version,
		"bootstrap": map[string]any{"configRef": map[string]any{
			"apiGroup": machineBootstrapGroup, "kind": "KubeadmConfigTemplate", "name": name,
		}},
		"infrastructureRef": map[string]any{"apiGroup": machineInfraGroup, "kind": "VSphereMachineTemplate", "name": name},
	}
	if f, ok := failure.(string); ok && f != "" {
		templateSpec["failureDomain"] = f
	}
	return &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": clusterAPI, "kind": "MachineDeployment",
		"metadata": map[string]any{
			"name": name, "namespace": cl.GetNamespace(), "labels": toAny(lbls),
			"ownerReferences": []any{ownerRef(cl)},
		},
		"spec": map[string]any{
			"clusterName": cl.GetName(),
			"replicas":    desired,
			"selector":    map[string]any{"matchLabels": toAny(selector)},
			"template": map[string]any{
				"metadata": map[string]any{"labels": toAny(map[string]string{
					clusterNameLabel: cl.GetName(), deploymentNameLabel: name, topologyOwnedLabel: "", topologyMDLabel: pool,
				})},
				"spec": templateSpec,
			},
		},
	}}
}

// writePoolStatus reports replicas the way the MachineDeployment controller does, in both the
// v1beta2 fields and the deprecated v1beta1 ones that v1beta1 clients read after conversion.
func (r *clusterReconciler) writePoolStatus(ctx context.Context, md *unstructured.Unstructured, desired int, c replicaCounts, selector map[string]string) error {
	conds := list(md.Object, "status", "conditions")
	phase := "Running"
	switch {
	case c.replicas > desired:
		phase = "ScalingDown"
	case c.replicas < desired || c.ready < desired:
		phase = "ScalingUp"
	}
	var sel []string
	for k, v := range selector {
		sel = append(sel, k+"="+v)
	}
	sort.Strings(sel)
	gen, _ := num(md, "metadata", "generation")
	legacy := list(md.Object, "status", "deprecated", "v1beta1", "conditions")
	available := c.ready >= desired
	return mergePatch(ctx, r.dyn.Resource(mdGVR).Namespace(md.GetNamespace()), md.GetName(), map[string]any{"status": map[string]any{
		"observedGeneration": gen,
		"phase":              phase,
		"selector":           strings.Join(sel, ","),
		"replicas":           c.replicas,
		"readyReplicas":      c.ready,
		"availableReplicas":  c.ready,
		"upToDateReplicas":   c.replicas,
		"conditions": []any{
			condition("Available", available, reasonFor(available, "Available", "NotAvailable"), fmt.Sprintf("%d of %d replicas available", c.ready, desired), conds),
			condition("MachinesReady", c.ready == c.replicas, reasonFor(c.ready == c.replicas, "Ready", "NotReady"), "", conds),
			condition("ScalingUp", phase == "ScalingUp", reasonFor(phase == "ScalingUp", "ScalingUp", "NotScalingUp"), "", conds),
			condition("ScalingDown", phase == "ScalingDown", reasonFor(phase == "ScalingDown", "ScalingDown", "NotScalingDown"), "", conds),
		},
		"deprecated": map[string]any{"v1beta1": map[string]any{
			"readyReplicas":       c.ready,
			"availableReplicas":   c.ready,
			"updatedReplicas":     c.replicas,
			"unavailableReplicas": max(desired-c.ready, 0),
			"conditions": []any{
				legacyCondition("Ready", available, legacy),
				legacyCondition("Available", available, legacy),
			},
		}},
	}}, "status")
}

// removeStalePools deletes the MachineDeployments, Machines and VMs of node pools that left the topology.
func (r *clusterReconciler) removeStalePools(ctx context.Context, cl *unstructured.Unstructured, keep map[string]bool) error {
	for _, md := range r.list(r.mds, cl.GetNamespace(), map[string]string{clusterNameLabel: cl.GetName()}) {
		if keep[md.GetLabels()[topologyMDLabel]] || md.GetDeletionTimestamp() != nil {
			continue
		}
		for _, m := range r.list(r.machines, md.GetNamespace(), map[string]string{deploymentNameLabel: md.GetName()}) {
			if err := r.deleteMachine(ctx, m.GetNamespace(), m.GetName()); err != nil {
				return err
			}
		}
		propagation := metav1.DeletePropagationBackground
		err := r.dyn.Resource(mdGVR).Namespace(md.GetNamespace()).Delete(ctx, md.GetName(), metav1.DeleteOptions{PropagationPolicy: &propagation})
		if err != nil && !apierrors.IsNotFound(err) {
			return err
		}
	}
	return nil
}

func variables(items []map[string]any) map[string]string {
	out := map[string]string{}
	for _, v := range items {
		name, _ := v["name"].(string)
		if s, ok := v["value"].(string); ok {
			out[name] = s
		}
	}
	return out
}

// replicas reads an optional replica count; Cluster API defaults it to 1.
func replicas(obj map[string]any, fields ...string) int {
	v, ok, _ := unstructured.NestedFieldNoCopy(obj, fields...)
	if !ok {
		return 1
	}
	switch n := v.(type) {
	case int64:
		return int(n)
	case float64:
		return int(n)
	}
	return 1
}

func reasonFor(ok bool, yes, no string) string {
	if ok {
		return yes
	}
	return no
}

// shortHash gives generated names a stable suffix, like the random ones Cluster API adds.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return 'a' + (r - '0')
		}
		return r
	}, hex.EncodeToString(sum[:])[:5])
}
