package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

const namespacesPath = "/api/vcenter/namespaces/instances"

// keptNamespaceFields are the create/update fields govmomi's simulator drops; vCenter keeps and
// returns them, and the plugins read them (access_list names the catalog owner, resource_spec the quota).
var keptNamespaceFields = []string{"description", "access_list", "storage_specs", "resource_spec"}

// namespaceFields keeps those fields per namespace and adds them to what the simulator returns.
type namespaceFields struct {
	mu     sync.Mutex
	byName map[string]map[string]json.RawMessage
	v2     map[string]*v2Fields // what the v2 routes add (namespaces_v2.go)
	zones  *zoneTopology
}

func newNamespaceFields() *namespaceFields {
	return &namespaceFields{byName: map[string]map[string]json.RawMessage{}, v2: map[string]*v2Fields{}}
}

// remember stores the kept fields present in a create or update body (an update replaces only those it sets).
func (f *namespaceFields) remember(name string, body []byte) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	kept := f.byName[name]
	if kept == nil {
		kept = map[string]json.RawMessage{}
		f.byName[name] = kept
	}
	for _, key := range keptNamespaceFields {
		if value, ok := fields[key]; ok && string(value) != "null" {
			kept[key] = value
		}
	}
}

func (f *namespaceFields) forget(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.byName, name)
	delete(f.v2, name)
}

// addTo merges the kept fields of a namespace into one JSON object the simulator returned.
func (f *namespaceFields) addTo(name string, object map[string]json.RawMessage) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for key, value := range f.byName[name] {
		object[key] = value
	}
}

// Middleware serves the namespace instance routes through the simulator and fills in what it drops.
// It also answers a create of an existing namespace with vCenter's ALREADY_EXISTS instead of replacing it.
func (f *namespaceFields) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := namespaceRoute(r.URL.Path)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		switch {
		case r.Method == http.MethodPost && name == "":
			f.create(next, w, r)
		case r.Method == http.MethodPatch && name != "":
			f.update(next, w, r, name)
		case r.Method == http.MethodGet:
			f.read(next, w, r, name)
		case r.Method == http.MethodDelete && name != "":
			sw := &statusWriter{ResponseWriter: w}
			next.ServeHTTP(sw, r)
			if sw.code() < 300 {
				f.forget(name)
			}
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// namespaceRoute returns the namespace a path names ("" for the collection) and whether it is one
// of the instance routes this overlay serves (not sub-resources such as registervm).
func namespaceRoute(path string) (string, bool) {
	if path == namespacesPath {
		return "", true
	}
	rest, ok := strings.CutPrefix(path, namespacesPath+"/")
	if !ok || rest == "" || strings.Contains(rest, "/") {
		return "", false
	}
	return rest, true
}

func (f *namespaceFields) create(next http.Handler, w http.ResponseWriter, r *http.Request) {
	body, _ := peekBody(r)
	var spec struct {
		Namespace string `json:"namespace"`
	}
	_ = json.Unmarshal(body, &spec)
	if spec.Namespace != "" && f.exists(next, r, spec.Namespace) {
		writeVapiError(w, http.StatusBadRequest, "ALREADY_EXISTS",
			"com.vmware.vcenter.namespaces.instances.already_exists",
			"Namespace "+spec.Namespace+" already exists.")
		return
	}
	sw := &statusWriter{ResponseWriter: w}
	next.ServeHTTP(sw, r)
	if sw.code() < 300 && spec.Namespace != "" {
		f.remember(spec.Namespace, body)
	}
}

// exists asks the simulator for the namespace with the caller's own credentials.
func (f *namespaceFields) exists(next http.Handler, r *http.Request, name string) bool {
	probe := r.Clone(r.Context())
	probe.Method = http.MethodGet
	probe.URL.Path = namespacesPath + "/" + name
	probe.Body = http.NoBody
	probe.ContentLength = 0
	probe.RequestURI = ""
	rec := httptest.NewRecorder()
	next.ServeHTTP(rec, probe)
	return rec.Code == http.StatusOK
}

// update lets the simulator apply vm_service_spec, keeps the rest, and answers 204 as vCenter does
// (the simulator writes a 404 body after its 200).
func (f *namespaceFields) update(next http.Handler, w http.ResponseWriter, r *http.Request, name string) {
	body, _ := peekBody(r)
	rec := httptest.NewRecorder()
	next.ServeHTTP(rec, r)
	if rec.Code != http.StatusOK {
		copyResponse(w, rec)
		return
	}
	f.remember(name, body)
	w.WriteHeader(http.StatusNoContent)
}

// read adds the kept fields to one namespace's info or to each summary of the list.
func (f *namespaceFields) read(next http.Handler, w http.ResponseWriter, r *http.Request, name string) {
	rec := httptest.NewRecorder()
	next.ServeHTTP(rec, r)
	if rec.Code != http.StatusOK {
		copyResponse(w, rec)
		return
	}
	var out any
	if name != "" {
		var info map[string]json.RawMessage
		if json.Unmarshal(rec.Body.Bytes(), &info) != nil {
			copyResponse(w, rec)
			return
		}
		f.addTo(name, info)
		out = info
	} else {
		var list []map[string]json.RawMessage
		if json.Unmarshal(rec.Body.Bytes(), &list) != nil {
			copyResponse(w, rec)
			return
		}
		for _, summary := range list {
			f.addSummaryFields(summary)
		}
		out = list
	}
	writeJSON(w, out)
}

// addSummaryFields fills the description, the only kept field a list summary carries.
func (f *namespaceFields) addSummaryFields(summary map[string]json.RawMessage) {
	var name string
	if json.Unmarshal(summary["namespace"], &name) != nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if description, ok := f.byName[name]["description"]; ok {
		summary["description"] = description
	}
}

func copyResponse(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for key, values := range rec.Header() {
		w.Header()[key] = values
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// writeVapiError writes an /api error body in vCenter's shape.
func writeVapiError(w http.ResponseWriter, status int, errorType, id, message string) {
	var buf bytes.Buffer
	_ = json.NewEncoder(&buf).Encode(map[string]any{
		"error_type": errorType,
		"messages":   []any{map[string]any{"id": id, "default_message": message, "args": []string{}}},
	})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
