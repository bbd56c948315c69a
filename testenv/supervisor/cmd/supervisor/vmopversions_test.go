package main

import (
	"reflect"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// vmCRD is a VirtualMachine CRD as the pinned release ships it: served v1alpha4 and v1alpha5.
func vmCRD() *unstructured.Unstructured {
	schema := func() map[string]any {
		return map[string]any{"openAPIV3Schema": map[string]any{"type": "object", "properties": map[string]any{
			"spec": map[string]any{"type": "object", "properties": map[string]any{
				"className": map[string]any{"type": "string"},
				"bootstrap": map[string]any{"type": "object", "properties": map[string]any{}},
				"network": map[string]any{"type": "object", "properties": map[string]any{
					"interfaces": map[string]any{"type": "array", "items": map[string]any{"type": "object", "properties": map[string]any{}}},
				}},
			}},
			"status": map[string]any{"type": "object", "properties": map[string]any{
				"hardware": map[string]any{"type": "object", "properties": map[string]any{
					"cpu":    map[string]any{"type": "object", "properties": map[string]any{}},
					"memory": map[string]any{"type": "object", "properties": map[string]any{}},
				}},
			}},
		}}}
	}
	return &unstructured.Unstructured{Object: map[string]any{
		"kind": "CustomResourceDefinition",
		"spec": map[string]any{
			"group": vmopGroup,
			"names": map[string]any{"kind": "VirtualMachine"},
			"versions": []any{
				map[string]any{"name": "v1alpha4", "served": true, "storage": false, "schema": schema()},
				map[string]any{"name": "v1alpha5", "served": true, "storage": true, "schema": schema()},
			},
		},
	}}
}

func versionsOf(t *testing.T, crd *unstructured.Unstructured) (names []string, storage string) {
	t.Helper()
	versions, _, _ := unstructured.NestedSlice(crd.Object, "spec", "versions")
	for _, v := range versions {
		m := v.(map[string]any)
		names = append(names, m["name"].(string))
		if m["storage"] == true {
			storage = m["name"].(string)
		}
	}
	return names, storage
}

func TestVMOpSelectorDefaultAddsV1alpha6AsStorage(t *testing.T) {
	crd := vmCRD()
	s := newVMOpSelector(nil)
	if keep, err := s.prepare(crd); !keep || err != nil {
		t.Fatalf("prepare: keep=%v err=%v", keep, err)
	}
	names, storage := versionsOf(t, crd)
	if !reflect.DeepEqual(names, []string{"v1alpha4", "v1alpha5", "v1alpha6"}) || storage != "v1alpha6" {
		t.Fatalf("versions %v storage %s", names, storage)
	}
	if _, found, _ := unstructured.NestedMap(crd.Object["spec"].(map[string]any)["versions"].([]any)[2].(map[string]any),
		"schema", "openAPIV3Schema", "properties", "spec", "properties", "resources", "properties", "size"); !found {
		t.Fatal("v1alpha6 has no spec.resources.size")
	}
	if _, found, _ := unstructured.NestedMap(crd.Object["spec"].(map[string]any)["versions"].([]any)[1].(map[string]any),
		"schema", "openAPIV3Schema", "properties", "spec", "properties", "resources"); found {
		t.Fatal("v1alpha5 gained spec.resources")
	}
}

func TestVMOpSelectorOnlyV1alpha6(t *testing.T) {
	crd := vmCRD()
	s := newVMOpSelector([]string{"v1alpha6"})
	if keep, err := s.prepare(crd); !keep || err != nil {
		t.Fatalf("prepare: keep=%v err=%v", keep, err)
	}
	names, storage := versionsOf(t, crd)
	if !reflect.DeepEqual(names, []string{"v1alpha6"}) || storage != "v1alpha6" {
		t.Fatalf("versions %v storage %s", names, storage)
	}
	seed := &unstructured.Unstructured{Object: map[string]any{"apiVersion": "vmoperator.vmware.com/v1alpha5", "kind": "VirtualMachine"}}
	if v := s.seedVersion(seed); v != "v1alpha6" {
		t.Fatalf("a v1alpha5 seed object is applied as %q, want v1alpha6", v)
	}
}

func TestVMOpSelectorLeavesOutCRDsWithoutWantedVersions(t *testing.T) {
	s := newVMOpSelector([]string{"v1alpha2"})
	if keep, err := s.prepare(vmCRD()); keep || err != nil {
		t.Fatalf("prepare: keep=%v err=%v, want the CRD left out", keep, err)
	}
	if _, err := parseVMOpVersions("v1alpha5,v2"); err == nil {
		t.Fatal("v2 accepted as a VM Operator version")
	}
	other := &unstructured.Unstructured{Object: map[string]any{"spec": map[string]any{"group": "cluster.x-k8s.io"}}}
	if keep, err := s.prepare(other); !keep || err != nil {
		t.Fatalf("a Cluster API CRD was touched: keep=%v err=%v", keep, err)
	}
}
