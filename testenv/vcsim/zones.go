package main

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
)

// vSphere zones (consumption domains) and their bindings to the Supervisors, which govmomi's
// simulator does not have (vSphere API 8.0.0.1 and 9.0).
const (
	zonesPath       = "/api/vcenter/consumption-domains/zones"
	supervisorsPath = "/api/vcenter/namespace-management/supervisors/"
	bindingsSuffix  = "/zones/bindings"
)

// A zone bound to a Supervisor; type is MANAGEMENT (control plane and workloads) or WORKLOAD.
type zoneBinding struct {
	Zone string
	Type string
}

// seedZone is one vCenter zone and the Supervisor (by WCP cluster name) it is bound to, if any.
type seedZone struct {
	name, description, supervisor, bindingType string
}

// Two zones for the first Supervisor, one for the second, one bound to none.
var seedZones = []seedZone{
	{"zone-a", "Rack A, first Supervisor", wcpClusterName, "MANAGEMENT"},
	{"zone-b", "Rack B, first Supervisor", wcpClusterName, "WORKLOAD"},
	{"zone-c", "Rack C, second Supervisor", wcp2ClusterName, "MANAGEMENT"},
	{"zone-spare", "Not bound to a Supervisor", "", ""},
}

// The zones the seeded namespaces are placed in (within their Supervisor's zones).
var seedNamespaceZones = map[string][]string{
	"demo":   {"zone-a", "zone-b"},
	"team-a": {"zone-a"},
	"team-b": {"zone-c"},
}

// zoneTopology holds the vCenter's zones and which Supervisor each is bound to.
type zoneTopology struct {
	mu           sync.Mutex
	order        []string
	descriptions map[string]string
	bySupervisor map[string][]zoneBinding // Supervisor id (its WCP cluster id) -> bindings
}

func newZoneTopology(clusterIDs map[string]string) *zoneTopology {
	z := &zoneTopology{descriptions: map[string]string{}, bySupervisor: map[string][]zoneBinding{}}
	for _, id := range clusterIDs {
		z.bySupervisor[id] = nil
	}
	for _, s := range seedZones {
		z.order = append(z.order, s.name)
		z.descriptions[s.name] = s.description
		if id, ok := clusterIDs[s.supervisor]; ok {
			z.bySupervisor[id] = append(z.bySupervisor[id], zoneBinding{Zone: s.name, Type: s.bindingType})
		}
	}
	return z
}

// bindings returns a Supervisor's zones and whether the Supervisor exists.
func (z *zoneTopology) bindings(supervisor string) ([]zoneBinding, bool) {
	z.mu.Lock()
	defer z.mu.Unlock()
	b, ok := z.bySupervisor[supervisor]
	return slices.Clone(b), ok
}

// names returns the zone names bound to each Supervisor, for ready.json.
func (z *zoneTopology) names() map[string][]string {
	z.mu.Lock()
	defer z.mu.Unlock()
	out := map[string][]string{}
	for id, bindings := range z.bySupervisor {
		out[id] = []string{}
		for _, b := range bindings {
			out[id] = append(out[id], b.Zone)
		}
	}
	return out
}

// zonesMiddleware serves the zone list and each Supervisor's zone bindings; namespacesOf says
// which namespaces use a zone (the bindings list them).
func (z *zoneTopology) Middleware(next http.Handler, namespacesOf func(supervisor, zone string) []string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.Path
		supervisor, isBindings := strings.CutSuffix(strings.TrimPrefix(path, supervisorsPath), bindingsSuffix)
		isBindings = isBindings && strings.HasPrefix(path, supervisorsPath) && supervisor != "" && !strings.Contains(supervisor, "/")
		isZones := path == zonesPath || strings.HasPrefix(path, zonesPath+"/")
		if !isBindings && !isZones {
			next.ServeHTTP(w, r)
			return
		}
		if r.Method != http.MethodGet {
			writeVapiError(w, http.StatusMethodNotAllowed, "OPERATION_NOT_FOUND",
				"com.vmware.vapi.rest.httpNotFound", "This testenv serves only GET on "+path+".")
			return
		}
		if !authenticated(next, r) {
			w.WriteHeader(http.StatusUnauthorized) // authShim adds the vAPI body
			return
		}
		if isBindings {
			z.serveBindings(w, supervisor, namespacesOf)
			return
		}
		z.serveZones(w, strings.TrimPrefix(strings.TrimPrefix(path, zonesPath), "/"))
	})
}

// serveZones answers the list ({"items":[{zone, info}]}) or one zone's info ({description}).
func (z *zoneTopology) serveZones(w http.ResponseWriter, zone string) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if zone != "" {
		description, ok := z.descriptions[zone]
		if !ok {
			writeVapiError(w, http.StatusNotFound, "NOT_FOUND",
				"com.vmware.vcenter.consumption_domains.zones.not_found", "Zone "+zone+" does not exist.")
			return
		}
		writeJSON(w, map[string]any{"description": description})
		return
	}
	items := []any{}
	for _, name := range z.order {
		items = append(items, map[string]any{"zone": name, "info": map[string]any{"description": z.descriptions[name]}})
	}
	writeJSON(w, map[string]any{"items": items})
}

// serveBindings answers a Supervisor's zone bindings list ({"zones":[Info]}).
func (z *zoneTopology) serveBindings(w http.ResponseWriter, supervisor string, namespacesOf func(supervisor, zone string) []string) {
	bindings, ok := z.bindings(supervisor)
	if !ok {
		writeVapiError(w, http.StatusNotFound, "NOT_FOUND",
			"com.vmware.vcenter.namespace_management.supervisors.not_found", "Supervisor "+supervisor+" does not exist.")
		return
	}
	out := []any{}
	for _, b := range bindings {
		out = append(out, map[string]any{
			"zone": b.Zone, "type": b.Type, "namespaces": namespacesOf(supervisor, b.Zone),
			"marked_for_removal": false, "status": "READY", "messages": []any{},
		})
	}
	writeJSON(w, map[string]any{"zones": out})
}

// authenticated asks the simulator whether the request's REST session (header or cookie) is valid.
func authenticated(next http.Handler, r *http.Request) bool {
	probe := httptest.NewRequest(http.MethodGet, restSessionPath, nil)
	probe.Header = r.Header.Clone()
	probe.Header.Del("Content-Length")
	rec := httptest.NewRecorder()
	next.ServeHTTP(rec, probe)
	return rec.Code == http.StatusOK
}
