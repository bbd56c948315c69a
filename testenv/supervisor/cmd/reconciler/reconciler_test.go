package main

import (
	"reflect"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

func TestVersionFromTKR(t *testing.T) {
	cases := map[string]string{
		"v1.32.7---vmware.1-fips-vkr.2": "v1.32.7+vmware.1-fips",
		"v1.33.3---vmware.1":            "v1.33.3+vmware.1",
		"":                              "v1.33.3+vmware.1-fips",
	}
	for in, want := range cases {
		if got := versionFromTKR(in); got != want {
			t.Errorf("versionFromTKR(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIPForGivesDistinctAddresses(t *testing.T) {
	seen := map[string]string{}
	for _, moref := range []string{"vm-1", "vm-249", "vm-250", "vm-251", "vm-500", "vm-62500"} {
		ip := ipFor(moref)
		if other, dup := seen[ip]; dup {
			t.Fatalf("%s and %s both get %s", moref, other, ip)
		}
		seen[ip] = moref
	}
}

func TestClusterTopologyFromTKC(t *testing.T) {
	tkc := &unstructured.Unstructured{Object: map[string]any{"spec": map[string]any{"topology": map[string]any{
		"controlPlane": map[string]any{
			"replicas": int64(3), "vmClass": "best-effort-small", "storageClass": "k8s-gold",
			"tkr": map[string]any{"reference": map[string]any{"name": "v1.32.7---vmware.1-fips-vkr.2"}},
		},
		"nodePools": []any{map[string]any{"name": "workers", "replicas": int64(2), "vmClass": "guaranteed-large"}},
	}}}}
	got := clusterTopology(tkc)
	if got["version"] != "v1.32.7+vmware.1-fips" || got["controlPlane"].(map[string]any)["replicas"] != 3 {
		t.Fatalf("version or control plane wrong: %v", got)
	}
	pools := got["workers"].(map[string]any)["machineDeployments"].([]any)
	want := map[string]any{
		"class": "node-pool", "name": "workers", "replicas": 2,
		"variables": map[string]any{"overrides": []any{map[string]any{"name": "vmClass", "value": "guaranteed-large"}}},
	}
	if len(pools) != 1 || !reflect.DeepEqual(pools[0], want) {
		t.Fatalf("node pools = %#v, want [%#v]", pools, want)
	}
}

func TestConditionKeepsTransitionTimeWhileStatusHolds(t *testing.T) {
	old := []map[string]any{{"type": "Ready", "status": "True", "lastTransitionTime": "2026-01-01T00:00:00Z"}}
	if got := condition("Ready", true, "Ready", "", old)["lastTransitionTime"]; got != "2026-01-01T00:00:00Z" {
		t.Errorf("unchanged status moved the transition time to %v", got)
	}
	if got := condition("Ready", false, "NotReady", "", old)["lastTransitionTime"]; got == "2026-01-01T00:00:00Z" {
		t.Error("a status change kept the old transition time")
	}
}
