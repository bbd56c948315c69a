package main

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime/schema"
	utilrand "k8s.io/apimachinery/pkg/util/rand"
	"k8s.io/client-go/tools/cache"
)

// Labels Cluster API and the vSphere provider put on machines and node VMs.
const (
	clusterNameLabel      = "cluster.x-k8s.io/cluster-name"
	deploymentNameLabel   = "cluster.x-k8s.io/deployment-name"
	controlPlaneLabel     = "cluster.x-k8s.io/control-plane"
	topologyOwnedLabel    = "topology.cluster.x-k8s.io/owned"
	topologyMDLabel       = "topology.cluster.x-k8s.io/deployment-name"
	capvClusterLabel      = "capv.vmware.com/cluster.name"
	capvRoleLabel         = "capv.vmware.com/cluster.role"
	morefAnnotation       = "testenv.backstage-vsphere.io/vm-moref"
	machineInfraGroup     = "vmware.infrastructure.cluster.x-k8s.io"
	machineBootstrapGroup = "bootstrap.cluster.x-k8s.io"
)

// machineGroup is a set of Machines that one owner scales: a MachineDeployment for a node
// pool, or the Cluster itself for the control plane.
type machineGroup struct {
	owner        *unstructured.Unstructured
	labels       map[string]string
	namePrefix   string
	role         string // "controlplane" or "node", as the vSphere provider labels VMs
	version      string
	vmClass      string
	storageClass string
	failure      string
}

type replicaCounts struct{ replicas, ready int }

// step moves a group one step toward desired: at most one Machine is created (after the
// previous one is running) or deleted per call, which is how replicas rise about once a second.
func (r *clusterReconciler) step(ctx context.Context, ns string, g machineGroup, desired int) (replicaCounts, error) {
	machines := r.list(r.machines, ns, g.labels)
	sort.Slice(machines, func(i, j int) bool {
		ti, tj := machines[i].GetCreationTimestamp(), machines[j].GetCreationTimestamp()
		return ti.Before(&tj) || (ti.Equal(&tj) && machines[i].GetName() < machines[j].GetName())
	})
	// The cache may lag behind our own writes: remember them so that a stale view neither
	// creates a second machine nor deletes one twice (the "expectations" of real controllers).
	for k, at := range r.deleted {
		if time.Since(at) > time.Minute {
			delete(r.deleted, k)
		}
	}
	groupKey := ns + "/" + g.namePrefix
	waiting := false
	if name, ok := r.created[groupKey]; ok {
		waiting = !slices.ContainsFunc(machines, func(m *unstructured.Unstructured) bool { return m.GetName() == name })
		if !waiting {
			delete(r.created, groupKey)
		}
	}
	machines = slices.DeleteFunc(machines, func(m *unstructured.Unstructured) bool {
		_, gone := r.deleted[key(ns, m.GetName())]
		return gone || m.GetDeletionTimestamp() != nil
	})
	var counts replicaCounts
	provisioning := 0
	for _, m := range machines {
		counts.replicas++
		if str(m, "status", "phase") == "Running" {
			counts.ready++
			continue
		}
		running, err := r.promote(ctx, m)
		if err != nil {
			return counts, err
		}
		if running {
			counts.ready++
		} else {
			provisioning++
		}
	}
	switch {
	case counts.replicas > desired:
		// Scale down removes the newest machine first; its VM goes with it (owner reference).
		victim := machines[len(machines)-1]
		if err := r.deleteMachine(ctx, ns, victim.GetName()); err != nil {
			return counts, err
		}
		r.deleted[key(ns, victim.GetName())] = time.Now()
		counts.replicas--
		if str(victim, "status", "phase") == "Running" {
			counts.ready--
		}
	case counts.replicas < desired && provisioning == 0 && !waiting:
		name, err := r.createMachine(ctx, ns, g)
		if err != nil {
			return counts, err
		}
		r.created[groupKey] = name
		counts.replicas++
	}
	return counts, nil
}

// createMachine creates a Machine and the VM Service VM that backs it, as the vSphere provider does.
func (r *clusterReconciler) createMachine(ctx context.Context, ns string, g machineGroup) (string, error) {
	name := g.namePrefix + utilrand.String(5)
	cluster := g.labels[clusterNameLabel]
	machine := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": clusterAPI, "kind": "Machine",
		"metadata": map[string]any{
			"name": name, "namespace": ns, "labels": toAny(g.labels),
			"ownerReferences": []any{ownerRef(g.owner)},
		},
		"spec": map[string]any{
			"clusterName": cluster,
			"version":     g.version,
			"bootstrap": map[string]any{
				"configRef":      map[string]any{"apiGroup": machineBootstrapGroup, "kind": "KubeadmConfig", "name": name},
				"dataSecretName": name,
			},
			"infrastructureRef": map[string]any{"apiGroup": machineInfraGroup, "kind": "VSphereMachine", "name": name},
		},
	}}
	if g.failure != "" {
		_ = unstructured.SetNestedField(machine.Object, g.failure, "spec", "failureDomain")
	}
	created, err := r.dyn.Resource(machineGVR).Namespace(ns).Create(ctx, machine, metav1.CreateOptions{FieldManager: fieldManager})
	if err != nil {
		return "", err
	}
	if err := mergePatch(ctx, r.dyn.Resource(machineGVR).Namespace(ns), name, map[string]any{"status": map[string]any{
		"phase": "Provisioning",
		"conditions": []any{
			condition("InfrastructureReady", false, "Provisioning", "waiting for the VirtualMachine", nil),
			condition("Ready", false, "Provisioning", "", nil),
			condition("Available", false, "Provisioning", "", nil),
		},
	}}, "status"); err != nil {
		return name, err
	}

	image := r.imageFor(g.version)
	vm := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": vmoperatorAPI, "kind": "VirtualMachine",
		"metadata": map[string]any{
			"name": name, "namespace": ns,
			"labels": map[string]any{
				capvClusterLabel: cluster, capvRoleLabel: g.role, clusterNameLabel: cluster,
			},
			"ownerReferences": []any{ownerRef(created)},
		},
		"spec": map[string]any{
			"className":    g.vmClass,
			"imageName":    image,
			"image":        map[string]any{"kind": "ClusterVirtualMachineImage", "name": image},
			"storageClass": g.storageClass,
			"powerState":   "PoweredOn",
		},
	}}
	_, err = r.dyn.Resource(vmGVR).Namespace(ns).Create(ctx, vm, metav1.CreateOptions{FieldManager: fieldManager})
	if apierrors.IsAlreadyExists(err) {
		return name, nil
	}
	return name, err
}

// deleteMachine deletes a Machine and, as the vSphere provider does, its VM; it does not wait for
// garbage collection, which learns about new resource types only every 30 seconds.
func (r *clusterReconciler) deleteMachine(ctx context.Context, ns, name string) error {
	propagation := metav1.DeletePropagationBackground
	opts := metav1.DeleteOptions{PropagationPolicy: &propagation}
	for _, gvr := range []schema.GroupVersionResource{machineGVR, vmGVR} {
		if err := r.dyn.Resource(gvr).Namespace(ns).Delete(ctx, name, opts); err != nil && !apierrors.IsNotFound(err) {
			return err
		}
	}
	return nil
}

// promote marks a Machine Running once its VM is ready, with the provider ID that joins it
// to the vSphere VM (vsphere://<BIOS UUID>).
func (r *clusterReconciler) promote(ctx context.Context, m *unstructured.Unstructured) (bool, error) {
	vm := r.vms.get(m.GetNamespace(), m.GetName())
	if vm == nil || str(vm, "status", "uniqueID") == "" || str(vm, "status", "powerState") != "PoweredOn" {
		return false, nil
	}
	res := r.dyn.Resource(machineGVR).Namespace(m.GetNamespace())
	moref, ip := str(vm, "status", "uniqueID"), str(vm, "status", "network", "primaryIP4")
	if err := mergePatch(ctx, res, m.GetName(), map[string]any{
		"metadata": map[string]any{"annotations": map[string]any{morefAnnotation: moref}},
		"spec":     map[string]any{"providerID": "vsphere://" + str(vm, "status", "biosUUID")},
	}); err != nil {
		return false, err
	}
	conds := list(m.Object, "status", "conditions")
	legacy := list(m.Object, "status", "deprecated", "v1beta1", "conditions")
	err := mergePatch(ctx, res, m.GetName(), map[string]any{"status": map[string]any{
		"phase":          "Running",
		"nodeRef":        map[string]any{"name": m.GetName()},
		"addresses":      []any{map[string]any{"type": "InternalIP", "address": ip}, map[string]any{"type": "Hostname", "address": m.GetName()}},
		"initialization": map[string]any{"infrastructureProvisioned": true, "bootstrapDataSecretCreated": true},
		"conditions": []any{
			condition("InfrastructureReady", true, "Ready", "", conds),
			condition("BootstrapConfigReady", true, "Ready", "", conds),
			condition("NodeReady", true, "NodeReady", "", conds),
			condition("UpToDate", true, "UpToDate", "", conds),
			condition("Ready", true, "Ready", "", conds),
			condition("Available", true, "Available", "", conds),
		},
		"deprecated": map[string]any{"v1beta1": map[string]any{"conditions": []any{
			legacyCondition("Ready", true, legacy),
			legacyCondition("InfrastructureReady", true, legacy),
			legacyCondition("BootstrapReady", true, legacy),
			legacyCondition("NodeHealthy", true, legacy),
		}}},
	}}, "status")
	return err == nil, err
}

// imageFor picks the cluster image of a Kubernetes version (v1.33.3+vmware.1 -> *-kube-v1.33).
func (r *clusterReconciler) imageFor(version string) string {
	parts := strings.SplitN(strings.TrimPrefix(version, "v"), ".", 3)
	want := ""
	if len(parts) >= 2 {
		want = fmt.Sprintf("kube-v%s.%s", parts[0], parts[1])
	}
	first := ""
	for _, o := range r.images.informer.GetStore().List() {
		name := o.(*unstructured.Unstructured).GetName()
		if want != "" && strings.HasSuffix(name, want) {
			return name
		}
		if first == "" {
			first = name
		}
	}
	return first
}

// list returns the cached objects of a namespace that carry all the given labels.
func (r *clusterReconciler) list(c *controller, ns string, match map[string]string) []*unstructured.Unstructured {
	var out []*unstructured.Unstructured
	_ = cache.ListAllByNamespace(c.informer.GetIndexer(), ns, labels.SelectorFromSet(match), func(o any) {
		out = append(out, o.(*unstructured.Unstructured).DeepCopy())
	})
	return out
}

func toAny(m map[string]string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
