package main

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/dynamic"
)

// The API versions this reconciler writes: the storage versions of the installed CRDs (VM
// Operator's is discovered at start, see useVMOperatorVersion).
var (
	vmGVR          = schema.GroupVersionResource{Group: "vmoperator.vmware.com", Version: "v1alpha5", Resource: "virtualmachines"}
	vmClassGVR     = schema.GroupVersionResource{Group: "vmoperator.vmware.com", Version: "v1alpha5", Resource: "virtualmachineclasses"}
	vmImageGVR     = schema.GroupVersionResource{Group: "vmoperator.vmware.com", Version: "v1alpha5", Resource: "virtualmachineimages"}
	cvmImageGVR    = schema.GroupVersionResource{Group: "vmoperator.vmware.com", Version: "v1alpha5", Resource: "clustervirtualmachineimages"}
	clusterGVR     = schema.GroupVersionResource{Group: "cluster.x-k8s.io", Version: "v1beta2", Resource: "clusters"}
	classGVR       = schema.GroupVersionResource{Group: "cluster.x-k8s.io", Version: "v1beta2", Resource: "clusterclasses"}
	mdGVR          = schema.GroupVersionResource{Group: "cluster.x-k8s.io", Version: "v1beta2", Resource: "machinedeployments"}
	machineGVR     = schema.GroupVersionResource{Group: "cluster.x-k8s.io", Version: "v1beta2", Resource: "machines"}
	tkcGVR         = schema.GroupVersionResource{Group: "run.tanzu.vmware.com", Version: "v1alpha3", Resource: "tanzukubernetesclusters"}
	namespaceGVR   = schema.GroupVersionResource{Version: "v1", Resource: "namespaces"}
	secretGVR      = schema.GroupVersionResource{Version: "v1", Resource: "secrets"}
	vmoperatorAPI  = vmGVR.GroupVersion().String()
	clusterAPI     = clusterGVR.GroupVersion().String()
	tkcAPI         = tkcGVR.GroupVersion().String()
	fieldManager   = "testenv-reconciler"
	fieldOwnerOpts = metav1.PatchOptions{FieldManager: fieldManager}
)

// useVMOperatorVersion points the VM Operator resources at the version the Supervisor prefers
// (testenv may serve only v1alpha6, or only older versions).
func useVMOperatorVersion(version string) {
	for _, gvr := range []*schema.GroupVersionResource{&vmGVR, &vmClassGVR, &vmImageGVR, &cvmImageGVR} {
		gvr.Version = version
	}
	vmoperatorAPI = vmGVR.GroupVersion().String()
}

func str(o *unstructured.Unstructured, fields ...string) string {
	s, _, _ := unstructured.NestedString(o.Object, fields...)
	return s
}

func num(o *unstructured.Unstructured, fields ...string) (int64, bool) {
	v, ok, _ := unstructured.NestedFieldNoCopy(o.Object, fields...)
	switch n := v.(type) {
	case int64:
		return n, ok
	case float64:
		return int64(n), ok
	}
	return 0, false
}

func list(o map[string]any, fields ...string) []map[string]any {
	items, _, _ := unstructured.NestedSlice(o, fields...)
	var out []map[string]any
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// condition is a metav1.Condition as the v1alpha5 / v1beta2 APIs store it.
func condition(typ string, ok bool, reason, message string, existing []map[string]any) map[string]any {
	status := "False"
	if ok {
		status = "True"
	}
	since := time.Now().UTC().Format(time.RFC3339)
	// The transition time only moves when the status does.
	for _, c := range existing {
		if c["type"] == typ && c["status"] == status {
			if t, ok := c["lastTransitionTime"].(string); ok {
				since = t
			}
		}
	}
	return map[string]any{"type": typ, "status": status, "reason": reason, "message": message, "lastTransitionTime": since}
}

func ownerRef(o *unstructured.Unstructured) map[string]any {
	return map[string]any{
		"apiVersion": o.GetAPIVersion(), "kind": o.GetKind(), "name": o.GetName(), "uid": string(o.GetUID()),
		"controller": true, "blockOwnerDeletion": true,
	}
}

// mergePatch sends a JSON merge patch to the object or one of its subresources.
func mergePatch(ctx context.Context, r dynamic.ResourceInterface, name string, patch map[string]any, subresource ...string) error {
	data, err := json.Marshal(patch)
	if err != nil {
		return err
	}
	_, err = r.Patch(ctx, name, types.MergePatchType, data, fieldOwnerOpts, subresource...)
	return err
}

// setFinalizers replaces the finalizer list, guarded by resourceVersion against lost updates.
func setFinalizers(ctx context.Context, r dynamic.ResourceInterface, o *unstructured.Unstructured, finalizers []string) error {
	return mergePatch(ctx, r, o.GetName(), map[string]any{"metadata": map[string]any{
		"finalizers": finalizers, "resourceVersion": o.GetResourceVersion(),
	}})
}

func addFinalizer(ctx context.Context, r dynamic.ResourceInterface, o *unstructured.Unstructured, f string) (bool, error) {
	if slices.Contains(o.GetFinalizers(), f) {
		return false, nil
	}
	return true, setFinalizers(ctx, r, o, append(o.GetFinalizers(), f))
}

func removeFinalizer(ctx context.Context, r dynamic.ResourceInterface, o *unstructured.Unstructured, f string) error {
	if !slices.Contains(o.GetFinalizers(), f) {
		return nil
	}
	return setFinalizers(ctx, r, o, slices.DeleteFunc(o.GetFinalizers(), func(s string) bool { return s == f }))
}

// legacyCondition is a Cluster API v1beta1 condition (kept under status.deprecated.v1beta1).
func legacyCondition(typ string, ok bool, existing []map[string]any) map[string]any {
	c := condition(typ, ok, "WaitingForReplicas", "", existing)
	delete(c, "message")
	if ok {
		delete(c, "reason")
	} else {
		c["severity"] = "Info"
	}
	return c
}
