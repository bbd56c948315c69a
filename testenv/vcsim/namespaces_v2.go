package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
)

// The v2 namespace routes (vSphere API 8.0.0.1+, zones and VPC networking since 9.0), which
// govmomi's simulator lacks: they are served here on top of its v1 namespaces.
const namespacesV2Path = namespacesPath + "/v2"

// v2Fields are what a v2 create sets beyond the v1 fields, kept per namespace.
type v2Fields struct {
	Supervisor string
	Zones      []string
	// [{content_library, writable, allow_import, resource_naming_strategy}] as sent
	ContentLibraries json.RawMessage
	NetworkSpec      json.RawMessage
	SelfService      bool
}

// defaultNetworkSpec is what a namespace on a vSphere Distributed Switch Supervisor reports.
var defaultNetworkSpec = json.RawMessage(`{"network_provider":"VSPHERE_NETWORK"}`)

// v2Only are the create fields a v1 create does not take.
var v2Only = []string{"supervisor", "zones", "content_libraries", "network_spec", "creator"}

// seedV2 places the seeded namespaces in their zones and gives demo a content library with its
// settings and team-a the self-service flag (as if created with kubectl by a developer).
func (f *namespaceFields) seedV2(inv *inventory, libraryID string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, name := range append(slices.Clone(seedNamespaces), seedNamespaces2...) {
		supervisor := inv.WCPClusterID
		if slices.Contains(seedNamespaces2, name) {
			supervisor = inv.WCP2ClusterID
		}
		f.v2[name] = &v2Fields{Supervisor: supervisor, Zones: seedNamespaceZones[name], SelfService: name == "team-a"}
	}
	libs, _ := json.Marshal([]any{map[string]any{"content_library": libraryID, "writable": false, "allow_import": true}})
	f.v2["demo"].ContentLibraries = libs
}

// namespacesInZone lists the namespaces of a Supervisor placed in a zone.
func (f *namespaceFields) namespacesInZone(supervisor, zone string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := []string{}
	for name, v := range f.v2 {
		if v.Supervisor == supervisor && slices.Contains(v.Zones, zone) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// V2Middleware serves list, get and create on the v2 paths; update and delete stay on the v1 paths,
// as on vCenter. next is the v1 overlay (Middleware), so v1 fields are kept the same way.
func (f *namespaceFields) V2Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.Path
		name, isOne := strings.CutPrefix(path, namespacesV2Path+"/")
		isOne = isOne && name != "" && !strings.Contains(name, "/")
		switch {
		case path == namespacesV2Path && r.Method == http.MethodGet:
			f.listV2(next, w, r)
		case path == namespacesV2Path && r.Method == http.MethodPost:
			f.createV2(next, w, r)
		case isOne && r.Method == http.MethodGet:
			f.getV2(next, w, r, name)
		case path == namespacesV2Path || isOne:
			writeVapiError(w, http.StatusMethodNotAllowed, "OPERATION_NOT_FOUND", "com.vmware.vapi.rest.httpNotFound",
				"Update and delete a namespace on "+namespacesPath+"/{namespace}.")
		case r.Method == http.MethodPatch:
			f.keepV2Update(next, w, r)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// v1Call sends the request to the v1 overlay under another path and method, with the caller's credentials.
func v1Call(next http.Handler, r *http.Request, method, path string, body []byte) *httptest.ResponseRecorder {
	inner := r.Clone(r.Context())
	inner.Method = method
	inner.URL.Path = path
	inner.RequestURI = ""
	inner.Body = http.NoBody
	inner.ContentLength = int64(len(body))
	if body != nil {
		inner.Body = io.NopCloser(bytes.NewReader(body))
		inner.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	next.ServeHTTP(rec, inner)
	return rec
}

// toV2 renames cluster to supervisor and adds the v2 fields to one summary or info.
func (f *namespaceFields) toV2(object map[string]json.RawMessage, name string, full bool) {
	if cluster, ok := object["cluster"]; ok {
		object["supervisor"] = cluster
		delete(object, "cluster")
	}
	f.mu.Lock()
	v := f.v2[name]
	f.mu.Unlock()
	if v == nil {
		v = &v2Fields{}
	}
	object["self_service_namespace"], _ = json.Marshal(v.SelfService)
	if !full {
		return
	}
	var supervisor string
	_ = json.Unmarshal(object["supervisor"], &supervisor)
	bindings, _ := f.zones.bindings(supervisor)
	zones := []any{}
	for _, zone := range v.Zones {
		kind := "WORKLOAD"
		for _, b := range bindings {
			if b.Zone == zone {
				kind = b.Type
			}
		}
		zones = append(zones, map[string]any{"zone": zone, "type": kind, "marked_for_removal": false})
	}
	object["zones"], _ = json.Marshal(zones)
	object["content_libraries"] = orDefault(v.ContentLibraries, json.RawMessage(`[]`))
	object["network_spec"] = orDefault(v.NetworkSpec, defaultNetworkSpec)
}

func orDefault(value, fallback json.RawMessage) json.RawMessage {
	if len(value) == 0 || string(value) == "null" {
		return fallback
	}
	return value
}

func (f *namespaceFields) listV2(next http.Handler, w http.ResponseWriter, r *http.Request) {
	rec := v1Call(next, r, http.MethodGet, namespacesPath, nil)
	var list []map[string]json.RawMessage
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &list) != nil {
		copyResponse(w, rec)
		return
	}
	for _, summary := range list {
		var name string
		_ = json.Unmarshal(summary["namespace"], &name)
		f.toV2(summary, name, false)
	}
	writeJSON(w, list)
}

func (f *namespaceFields) getV2(next http.Handler, w http.ResponseWriter, r *http.Request, name string) {
	rec := v1Call(next, r, http.MethodGet, namespacesPath+"/"+name, nil)
	var info map[string]json.RawMessage
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &info) != nil {
		copyResponse(w, rec)
		return
	}
	f.toV2(info, name, true)
	writeJSON(w, info)
}

// createV2 checks the supervisor and zones as vCenter does, creates the namespace through the
// v1 overlay (which refuses duplicates and keeps the v1 fields) and keeps the v2 fields.
func (f *namespaceFields) createV2(next http.Handler, w http.ResponseWriter, r *http.Request) {
	body, _ := peekBody(r)
	var spec map[string]json.RawMessage
	if json.Unmarshal(body, &spec) != nil {
		writeVapiError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "com.vmware.vapi.rest.badRequest", "The body is not a JSON object.")
		return
	}
	var v v2Fields
	var zones []struct {
		Name string `json:"name"`
	}
	_ = json.Unmarshal(spec["supervisor"], &v.Supervisor)
	_ = json.Unmarshal(spec["zones"], &zones)
	if !authenticated(next, r) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	bindings, ok := f.zones.bindings(v.Supervisor)
	if !ok {
		writeVapiError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "com.vmware.vcenter.namespaces.instances.invalid_supervisor",
			"Supervisor '"+v.Supervisor+"' does not exist.")
		return
	}
	for _, zone := range zones {
		if !slices.ContainsFunc(bindings, func(b zoneBinding) bool { return b.Zone == zone.Name }) {
			writeVapiError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "com.vmware.vcenter.namespaces.instances.invalid_zone",
				"Zone '"+zone.Name+"' is not bound to Supervisor '"+v.Supervisor+"'.")
			return
		}
		v.Zones = append(v.Zones, zone.Name)
	}
	v.ContentLibraries, v.NetworkSpec = spec["content_libraries"], spec["network_spec"]

	v1 := map[string]json.RawMessage{}
	for key, value := range spec {
		if !slices.Contains(v2Only, key) {
			v1[key] = value
		}
	}
	v1["cluster"] = spec["supervisor"]
	v1["vm_service_spec"] = withLibraries(spec["vm_service_spec"], v.ContentLibraries)
	v1Body, _ := json.Marshal(v1)
	rec := v1Call(next, r, http.MethodPost, namespacesPath, v1Body)
	if rec.Code >= 300 {
		copyResponse(w, rec)
		return
	}
	var name string
	_ = json.Unmarshal(spec["namespace"], &name)
	f.mu.Lock()
	f.v2[name] = &v
	f.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// keepV2Update keeps content_libraries of a v1 PATCH (the v1 update takes them since 8.0.2).
func (f *namespaceFields) keepV2Update(next http.Handler, w http.ResponseWriter, r *http.Request) {
	name, ok := namespaceRoute(r.URL.Path)
	body, _ := peekBody(r)
	sw := &statusWriter{ResponseWriter: w}
	next.ServeHTTP(sw, r)
	var spec map[string]json.RawMessage
	if !ok || name == "" || sw.code() >= 300 || json.Unmarshal(body, &spec) != nil || spec["content_libraries"] == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.v2[name] == nil {
		f.v2[name] = &v2Fields{}
	}
	f.v2[name].ContentLibraries = spec["content_libraries"]
}

// withLibraries adds the image service's libraries to the VM Service's, as vCenter lists both there.
func withLibraries(vmService, libraries json.RawMessage) json.RawMessage {
	var spec map[string]any
	_ = json.Unmarshal(vmService, &spec)
	var libs []struct {
		ContentLibrary string `json:"content_library"`
	}
	if json.Unmarshal(libraries, &libs) != nil || len(libs) == 0 {
		return orDefault(vmService, json.RawMessage(`{}`))
	}
	if spec == nil {
		spec = map[string]any{}
	}
	ids, _ := spec["content_libraries"].([]any)
	for _, lib := range libs {
		if !slices.Contains(ids, any(lib.ContentLibrary)) {
			ids = append(ids, lib.ContentLibrary)
		}
	}
	spec["content_libraries"] = ids
	out, _ := json.Marshal(spec)
	return out
}
