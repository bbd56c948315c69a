package main

import (
	"encoding/json"
	"net/http"
	"testing"
)

func getJSON(t *testing.T, token, path string) map[string]any {
	t.Helper()
	code, body := do(t, http.MethodGet, path, token, nil)
	if code != http.StatusOK {
		t.Fatalf("get %s: %d %s", path, code, body)
	}
	var out map[string]any
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("%s: %v %s", path, err, body)
	}
	return out
}

func marshal(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestZonesOfEachSupervisor(t *testing.T) {
	token := restLogin(t)
	zones := getJSON(t, token, zonesPath)
	if got := marshal(zones["items"]); got != `[{"info":{"description":"Rack A, first Supervisor"},"zone":"zone-a"},{"info":{"description":"Rack B, first Supervisor"},"zone":"zone-b"},{"info":{"description":"Rack C, second Supervisor"},"zone":"zone-c"},{"info":{"description":"Not bound to a Supervisor"},"zone":"zone-spare"}]` {
		t.Errorf("zones: %s", got)
	}
	first := getJSON(t, token, supervisorsPath+sim.Ready.WCPClusterID+bindingsSuffix)
	if got := marshal(first["zones"]); got != `[{"marked_for_removal":false,"messages":[],"namespaces":["demo","team-a"],"status":"READY","type":"MANAGEMENT","zone":"zone-a"},{"marked_for_removal":false,"messages":[],"namespaces":["demo"],"status":"READY","type":"WORKLOAD","zone":"zone-b"}]` {
		t.Errorf("first Supervisor's bindings: %s", got)
	}
	second := getJSON(t, token, supervisorsPath+sim.Ready.WCP2ClusterID+bindingsSuffix)
	if got := marshal(second["zones"]); got != `[{"marked_for_removal":false,"messages":[],"namespaces":["team-b"],"status":"READY","type":"MANAGEMENT","zone":"zone-c"}]` {
		t.Errorf("second Supervisor's bindings: %s", got)
	}
	if got := marshal(sim.Ready.Zones); got != `{"`+sim.Ready.WCPClusterID+`":["zone-a","zone-b"],"`+sim.Ready.WCP2ClusterID+`":["zone-c"]}` {
		t.Errorf("ready.json zones: %s", got)
	}
	if code, body := do(t, http.MethodGet, supervisorsPath+"domain-c999"+bindingsSuffix, token, nil); code != http.StatusNotFound || !contains(body, "NOT_FOUND") {
		t.Errorf("unknown Supervisor: %d %s", code, body)
	}
	if code, body := do(t, http.MethodGet, zonesPath, "", nil); code != http.StatusUnauthorized || !contains(body, "UNAUTHENTICATED") {
		t.Errorf("zones without a session: %d %s", code, body)
	}
}

func TestSeededNamespaceV2(t *testing.T) {
	token := restLogin(t)
	demo := getJSON(t, token, namespacesV2Path+"/demo")
	if demo["supervisor"] != sim.Ready.WCPClusterID || demo["cluster"] != nil {
		t.Errorf("demo names its Supervisor as supervisor: %v", demo)
	}
	if got := marshal(demo["zones"]); got != `[{"marked_for_removal":false,"type":"MANAGEMENT","zone":"zone-a"},{"marked_for_removal":false,"type":"WORKLOAD","zone":"zone-b"}]` {
		t.Errorf("demo zones: %s", got)
	}
	if got := marshal(demo["content_libraries"]); got != `[{"allow_import":true,"content_library":"`+sim.Ready.LibraryID+`","writable":false}]` {
		t.Errorf("demo content libraries: %s", got)
	}
	if got := marshal(demo["network_spec"]); got != `{"network_provider":"VSPHERE_NETWORK"}` || demo["self_service_namespace"] != false {
		t.Errorf("demo network and self-service: %s %v", got, demo["self_service_namespace"])
	}
	if demo["description"] == "" || demo["resource_spec"] == nil {
		t.Errorf("v2 get lost the v1 fields: %v", demo)
	}

	code, body := do(t, http.MethodGet, namespacesV2Path, token, nil)
	var list []map[string]any
	if code != http.StatusOK || json.Unmarshal(body, &list) != nil {
		t.Fatalf("v2 list: %d %s", code, body)
	}
	bySupervisor := map[string]string{}
	for _, s := range list {
		bySupervisor[s["namespace"].(string)] = s["supervisor"].(string)
		if s["namespace"] == "team-a" && s["self_service_namespace"] != true {
			t.Errorf("team-a is a self-service namespace: %v", s)
		}
	}
	if bySupervisor["team-b"] != sim.Ready.WCP2ClusterID || bySupervisor["demo"] != sim.Ready.WCPClusterID {
		t.Errorf("v2 list supervisors: %v", bySupervisor)
	}
}

func TestNamespaceV2RoundTrip(t *testing.T) {
	token := restLogin(t)
	spec := map[string]any{
		"supervisor": sim.Ready.WCPClusterID, "namespace": "zoned", "description": "Zoned",
		"zones":             []any{map[string]any{"name": "zone-b"}},
		"content_libraries": []any{map[string]any{"content_library": sim.Ready.LibraryID, "writable": true}},
		"network_spec":      map[string]any{"network_provider": "NSX_VPC", "vpc_network": map[string]any{"default_subnet_size": 16}},
		"vm_service_spec":   map[string]any{"vm_classes": []string{"best-effort-small"}},
	}
	if code, body := do(t, http.MethodPost, namespacesV2Path, token, spec); code != http.StatusNoContent {
		t.Fatalf("v2 create: %d %s", code, body)
	}
	defer do(t, http.MethodDelete, namespacesPath+"/zoned", token, nil)

	info := getJSON(t, token, namespacesV2Path+"/zoned")
	if got := marshal(info["zones"]); got != `[{"marked_for_removal":false,"type":"WORKLOAD","zone":"zone-b"}]` {
		t.Errorf("zones after create: %s", got)
	}
	if got := marshal(info["network_spec"]); got != `{"network_provider":"NSX_VPC","vpc_network":{"default_subnet_size":16}}` {
		t.Errorf("network_spec after create: %s", got)
	}
	if got := marshal(info["vm_service_spec"]); !contains([]byte(got), sim.Ready.LibraryID) || !contains([]byte(got), "best-effort-small") {
		t.Errorf("vm_service_spec lists the image service's library too: %s", got)
	}
	// v1 get of the same namespace keeps its v1 shape
	if v1 := namespaceInfo(t, token, "zoned"); v1["cluster"] != sim.Ready.WCPClusterID || v1["zones"] != nil || v1["description"] != "Zoned" {
		t.Errorf("v1 get: %v", v1)
	}
	bindings := getJSON(t, token, supervisorsPath+sim.Ready.WCPClusterID+bindingsSuffix)
	if got := marshal(bindings["zones"]); !contains([]byte(got), `"namespaces":["demo","zoned"]`) {
		t.Errorf("zone-b's namespaces: %s", got)
	}

	update := map[string]any{"content_libraries": []any{map[string]any{"content_library": sim.Ready.LibraryID, "writable": false, "allow_import": true}}}
	if code, body := do(t, http.MethodPatch, namespacesPath+"/zoned", token, update); code != http.StatusNoContent {
		t.Fatalf("update: %d %s", code, body)
	}
	if got := marshal(getJSON(t, token, namespacesV2Path+"/zoned")["content_libraries"]); got != `[{"allow_import":true,"content_library":"`+sim.Ready.LibraryID+`","writable":false}]` {
		t.Errorf("content libraries after update: %s", got)
	}

	code, body := do(t, http.MethodPost, namespacesV2Path, token, spec)
	if code != http.StatusBadRequest || !contains(body, "ALREADY_EXISTS") {
		t.Errorf("duplicate v2 create: %d %s", code, body)
	}
	if code, _ := do(t, http.MethodDelete, namespacesPath+"/zoned", token, nil); code != http.StatusOK {
		t.Fatalf("delete: %d", code)
	}
	if code, _ := do(t, http.MethodGet, namespacesV2Path+"/zoned", token, nil); code != http.StatusNotFound {
		t.Errorf("v2 get after delete: %d", code)
	}
}

func TestNamespaceV2RefusesForeignZone(t *testing.T) {
	token := restLogin(t)
	spec := map[string]any{"supervisor": sim.Ready.WCPClusterID, "namespace": "foreign", "zones": []any{map[string]any{"name": "zone-c"}}}
	code, body := do(t, http.MethodPost, namespacesV2Path, token, spec)
	if code != http.StatusBadRequest || !contains(body, "INVALID_ARGUMENT") || !contains(body, "zone-c") {
		t.Errorf("zone of the other Supervisor: %d %s", code, body)
	}
	if code, _ := do(t, http.MethodGet, namespacesV2Path+"/foreign", token, nil); code != http.StatusNotFound {
		t.Errorf("a refused create made a namespace: %d", code)
	}
	spec["supervisor"] = "domain-c999"
	if code, body := do(t, http.MethodPost, namespacesV2Path, token, spec); code != http.StatusBadRequest || !contains(body, "domain-c999") {
		t.Errorf("unknown Supervisor: %d %s", code, body)
	}
}
