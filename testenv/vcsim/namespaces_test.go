package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// namespaceInfo reads one namespace's info as the REST API returns it.
func namespaceInfo(t *testing.T, token, name string) map[string]any {
	t.Helper()
	code, body := do(t, http.MethodGet, namespacesPath+"/"+name, token, nil)
	if code != http.StatusOK {
		t.Fatalf("get %s: %d %s", name, code, body)
	}
	var info map[string]any
	if err := json.Unmarshal(body, &info); err != nil {
		t.Fatal(err)
	}
	return info
}

func TestNamespaceKeepsWhatVCenterKeeps(t *testing.T) {
	token := restLogin(t)
	access := []any{map[string]any{"subject_type": "GROUP", "subject": "team-b", "domain": "vsphere.local", "role": "OWNER"}}
	spec := map[string]any{
		"cluster": sim.Ready.WCPClusterID, "namespace": "kept", "description": "Team B",
		"access_list":     access,
		"resource_spec":   map[string]any{"cpu_limit": 8000},
		"vm_service_spec": map[string]any{"vm_classes": []string{"best-effort-small"}},
	}
	if code, body := do(t, http.MethodPost, namespacesPath, token, spec); code != http.StatusOK {
		t.Fatalf("create: %d %s", code, body)
	}
	defer do(t, http.MethodDelete, namespacesPath+"/kept", token, nil)

	info := namespaceInfo(t, token, "kept")
	if got, _ := json.Marshal(info["access_list"]); string(got) != `[{"domain":"vsphere.local","role":"OWNER","subject":"team-b","subject_type":"GROUP"}]` {
		t.Errorf("access_list after create: %s", got)
	}
	if info["description"] != "Team B" || info["config_status"] != "RUNNING" {
		t.Errorf("info after create: %v", info)
	}

	// a second create of the same name is refused, as vCenter does, and changes nothing
	code, body := do(t, http.MethodPost, namespacesPath, token, map[string]any{"cluster": sim.Ready.WCPClusterID, "namespace": "kept"})
	if code != http.StatusBadRequest || !json.Valid(body) || !contains(body, "ALREADY_EXISTS") {
		t.Errorf("duplicate create: %d %s", code, body)
	}

	update := map[string]any{"resource_spec": map[string]any{"memory_limit": 4096}, "vm_service_spec": map[string]any{"vm_classes": []string{"guaranteed-large"}}}
	if code, body := do(t, http.MethodPatch, namespacesPath+"/kept", token, update); code != http.StatusNoContent || len(body) != 0 {
		t.Fatalf("update: %d %s", code, body)
	}
	info = namespaceInfo(t, token, "kept")
	if got, _ := json.Marshal(info["resource_spec"]); string(got) != `{"memory_limit":4096}` {
		t.Errorf("resource_spec after update: %s", got)
	}
	if info["access_list"] == nil || info["description"] != "Team B" {
		t.Errorf("an update dropped fields it did not set: %v", info)
	}
	if got, _ := json.Marshal(info["vm_service_spec"]); !contains(got, "guaranteed-large") {
		t.Errorf("vm_service_spec after update: %s", got)
	}

	_, list := do(t, http.MethodGet, namespacesPath, token, nil)
	var summaries []map[string]any
	_ = json.Unmarshal(list, &summaries)
	found := false
	for _, s := range summaries {
		found = found || (s["namespace"] == "kept" && s["description"] == "Team B")
	}
	if !found {
		t.Errorf("list has no description for kept: %s", list)
	}

	if code, _ := do(t, http.MethodDelete, namespacesPath+"/kept", token, nil); code != http.StatusOK {
		t.Fatalf("delete: %d", code)
	}
	if code, _ := do(t, http.MethodPost, namespacesPath, token, map[string]any{"cluster": sim.Ready.WCPClusterID, "namespace": "kept"}); code != http.StatusOK {
		t.Fatalf("re-create after delete: %d", code)
	}
	if info := namespaceInfo(t, token, "kept"); info["access_list"] != nil || info["description"] != "" {
		t.Errorf("a re-created namespace inherited the old fields: %v", info)
	}
}

func TestSeededNamespaceHasQuota(t *testing.T) {
	info := namespaceInfo(t, restLogin(t), "demo")
	if got, _ := json.Marshal(info["resource_spec"]); string(got) != `{"cpu_limit":20000,"memory_limit":65536}` {
		t.Errorf("demo resource_spec: %s", got)
	}
	gold, vsan := sim.Ready.StoragePolicyIDs[goldPolicyName], sim.Ready.StoragePolicyIDs[vsanPolicyName]
	if got, _ := json.Marshal(info["storage_specs"]); string(got) != `[{"limit":102400,"policy":"`+gold+`"},{"limit":102400,"policy":"`+vsan+`"}]` {
		t.Errorf("demo storage_specs: %s", got)
	}
}

func TestUnknownNamespaceUpdateIsNotFound(t *testing.T) {
	code, _ := do(t, http.MethodPatch, namespacesPath+"/missing", restLogin(t), map[string]any{"description": "x"})
	if code != http.StatusNotFound {
		t.Errorf("update of a missing namespace: %d", code)
	}
}

func contains(b []byte, s string) bool { return strings.Contains(string(b), s) }
