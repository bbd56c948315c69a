package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vmware/govmomi/fault"
	"github.com/vmware/govmomi/pbm"
	"github.com/vmware/govmomi/session"
	"github.com/vmware/govmomi/vapi/library"
	"github.com/vmware/govmomi/vapi/namespace"
	"github.com/vmware/govmomi/vapi/rest"
	"github.com/vmware/govmomi/view"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

const (
	testUser     = "administrator@vsphere.local"
	testPassword = "Test-Passw0rd!"
	testVMs      = 50
)

// One simulator per test binary: the namespace simulator keeps its state in package globals.
var sim *Sim

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "vcsim-test-")
	if err != nil {
		panic(err)
	}
	sim, err = Start(context.Background(), Config{
		Listen: "127.0.0.1:0", Dir: dir, Username: testUser, Password: testPassword, VMs: testVMs,
	})
	if err != nil {
		panic(err)
	}
	code := m.Run()
	sim.Close()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

func sdkURL(t *testing.T, user, password string) *url.URL {
	t.Helper()
	u, err := url.Parse(sim.Ready.SDKURL)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(user, password)
	return u
}

// vimClient connects with the generated CA (no insecure mode) but does not log in.
func vimClient(t *testing.T) *vim25.Client {
	t.Helper()
	sc := soap.NewClient(sdkURL(t, "", ""), false)
	if err := sc.SetRootCAs(sim.Ready.CAFile); err != nil {
		t.Fatal(err)
	}
	c, err := vim25.NewClient(context.Background(), sc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func loggedIn(t *testing.T) *vim25.Client {
	t.Helper()
	c := vimClient(t)
	if err := session.NewManager(c).Login(context.Background(), url.UserPassword(testUser, testPassword)); err != nil {
		t.Fatal(err)
	}
	return c
}

func httpClient(t *testing.T) *http.Client {
	t.Helper()
	pem, err := os.ReadFile(sim.Ready.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
}

// do sends a request to the public listener and returns status and body.
func do(t *testing.T, method, path, token string, body any, basic ...string) (int, []byte) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, sim.Ready.URL+path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set(sessionHeader, token)
	}
	if len(basic) == 2 {
		req.SetBasicAuth(basic[0], basic[1])
	}
	res, err := httpClient(t).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}

func restLogin(t *testing.T) string {
	t.Helper()
	code, body := do(t, http.MethodPost, restSessionPath, "", nil, testUser, testPassword)
	if code != http.StatusOK {
		t.Fatalf("session create: %d %s", code, body)
	}
	return parseToken(body)
}

func TestSOAPLogin(t *testing.T) {
	ctx := context.Background()
	err := session.NewManager(vimClient(t)).Login(ctx, url.UserPassword(testUser, "wrong"))
	if !fault.Is(err, &types.InvalidLogin{}) {
		t.Fatalf("wrong password: want InvalidLogin, got %v", err)
	}
	err = session.NewManager(vimClient(t)).Login(ctx, url.UserPassword("someone@vsphere.local", testPassword))
	if !fault.Is(err, &types.InvalidLogin{}) {
		t.Fatalf("wrong user: want InvalidLogin, got %v", err)
	}
	c := loggedIn(t)
	if err := session.NewManager(c).Logout(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRESTLogin(t *testing.T) {
	code, body := do(t, http.MethodPost, restSessionPath, "", nil, testUser, "wrong")
	if code != http.StatusUnauthorized || !strings.Contains(string(body), "com.vmware.vapi.std.errors.unauthenticated") {
		t.Fatalf("wrong password: %d %s", code, body)
	}
	code, body = do(t, http.MethodPost, apiSessionPath, "", nil, testUser, "wrong")
	if code != http.StatusUnauthorized || !strings.Contains(string(body), `"error_type":"UNAUTHENTICATED"`) {
		t.Fatalf("wrong password /api: %d %s", code, body)
	}

	token := restLogin(t)
	// The /rest token is accepted by /api routes.
	if code, body := do(t, http.MethodGet, "/api/vcenter/namespaces/instances", token, nil); code != http.StatusOK {
		t.Fatalf("namespaces with /rest token: %d %s", code, body)
	}
	if code, _ := do(t, http.MethodDelete, restSessionPath, token, nil); code != http.StatusOK {
		t.Fatalf("logout: %d", code)
	}

	code, body = do(t, http.MethodPost, apiSessionPath, "", nil, testUser, testPassword)
	if code != http.StatusCreated {
		t.Fatalf("/api/session: %d %s", code, body)
	}
	var apiToken string
	if err := json.Unmarshal(body, &apiToken); err != nil || apiToken == "" {
		t.Fatalf("/api/session body %s: %v", body, err)
	}
	if code, _ := do(t, http.MethodDelete, apiSessionPath, apiToken, nil); code != http.StatusNoContent {
		t.Fatalf("/api/session delete: %d", code)
	}
	if code, _ := do(t, http.MethodGet, "/api/vcenter/namespaces/instances", apiToken, nil); code != http.StatusUnauthorized {
		t.Fatalf("after logout: %d", code)
	}
}

// readLines returns the recorder's JSON lines.
func readLines(t *testing.T) []map[string]any {
	t.Helper()
	f, err := os.Open(sim.Ready.RecorderFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []map[string]any
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("bad line %q: %v", sc.Text(), err)
		}
		lines = append(lines, m)
	}
	return lines
}

func TestRecorder(t *testing.T) {
	if code, _ := do(t, http.MethodPost, "/testenv/recorder/reset", "", nil); code != http.StatusOK {
		t.Fatalf("reset: %d", code)
	}
	if n := len(readLines(t)); n != 0 {
		t.Fatalf("after reset: %d lines", n)
	}
	token := restLogin(t)
	spec := map[string]any{
		"cluster": sim.Ready.WCPClusterID, "namespace": "recorded", "description": "from the recorder test",
		"vm_service_spec": map[string]any{"vm_classes": []string{"best-effort-small"}},
		"nested":          map[string]any{"Password": "hunter2"},
	}
	if code, body := do(t, http.MethodPost, "/api/vcenter/namespaces/instances", token, spec); code != http.StatusOK {
		t.Fatalf("create namespace: %d %s", code, body)
	}
	defer do(t, http.MethodDelete, "/api/vcenter/namespaces/instances/recorded", token, nil)
	do(t, http.MethodGet, "/api/vcenter/namespaces/instances?x=1", token, nil)
	c := loggedIn(t)
	defer func() { _ = session.NewManager(c).Logout(context.Background()) }()

	raw, _ := os.ReadFile(sim.Ready.RecorderFile)
	for _, secret := range []string{testPassword, token, "hunter2", "Basic "} {
		if strings.Contains(string(raw), secret) {
			t.Fatalf("recorder leaked %q", secret)
		}
	}
	lines := readLines(t)
	var post, get, login map[string]any
	for _, l := range lines {
		switch {
		case l["method"] == "POST" && l["path"] == "/api/vcenter/namespaces/instances":
			post = l
		case l["method"] == "GET" && l["query"] == "x=1":
			get = l
		case l["operation"] == "Login":
			login = l
		}
	}
	if post == nil || post["status"].(float64) != 200 {
		t.Fatalf("POST not recorded: %v", lines)
	}
	body := post["body"].(map[string]any)
	if body["namespace"] != "recorded" || body["nested"].(map[string]any)["Password"] != "REDACTED" {
		t.Fatalf("POST body: %v", body)
	}
	if get == nil || get["body"] != nil {
		t.Fatalf("GET with query not recorded as expected: %v", get)
	}
	if login == nil || login["path"] != "/sdk" || login["status"].(float64) != 200 {
		t.Fatalf("SOAP Login not recorded: %v", lines)
	}
}

func sessionCounts(t *testing.T) map[string]int {
	t.Helper()
	code, body := do(t, http.MethodGet, "/testenv/sessions", "", nil)
	if code != http.StatusOK {
		t.Fatalf("sessions: %d %s", code, body)
	}
	var counts map[string]int
	if err := json.Unmarshal(body, &counts); err != nil {
		t.Fatal(err)
	}
	return counts
}

func TestSessions(t *testing.T) {
	ctx := context.Background()
	do(t, http.MethodPost, "/testenv/sessions/drop", "", nil)
	if got := sessionCounts(t); got["rest"] != 0 || got["soap"] != 0 {
		t.Fatalf("after drop: %v", got)
	}
	token := restLogin(t)
	restLogin(t)
	c := loggedIn(t)
	loggedIn(t)
	// Namespace-management lists log in to SOAP internally; those must not count.
	do(t, http.MethodGet, "/api/vcenter/namespace-management/clusters", token, nil)
	if got := sessionCounts(t); got["rest"] != 2 || got["soap"] != 2 {
		t.Fatalf("counts: %v", got)
	}
	do(t, http.MethodDelete, restSessionPath, token, nil)
	if err := session.NewManager(c).Logout(ctx); err != nil {
		t.Fatal(err)
	}
	if got := sessionCounts(t); got["rest"] != 1 || got["soap"] != 1 {
		t.Fatalf("after logouts: %v", got)
	}

	token = restLogin(t)
	c = loggedIn(t)
	if code, _ := do(t, http.MethodPost, "/testenv/sessions/drop", "", nil); code != http.StatusOK {
		t.Fatalf("drop: %d", code)
	}
	if got := sessionCounts(t); got["rest"] != 0 || got["soap"] != 0 {
		t.Fatalf("after drop: %v", got)
	}
	if code, _ := do(t, http.MethodGet, "/api/vcenter/namespaces/instances", token, nil); code != http.StatusUnauthorized {
		t.Fatalf("REST after drop: %d", code)
	}
	_, err := view.NewManager(c).CreateContainerView(ctx, c.ServiceContent.RootFolder, []string{"VirtualMachine"}, true)
	if !fault.Is(err, &types.NotAuthenticated{}) {
		t.Fatalf("SOAP after drop: want NotAuthenticated, got %v", err)
	}
}

func TestSeedInventory(t *testing.T) {
	ctx := context.Background()
	c := loggedIn(t)
	defer func() { _ = session.NewManager(c).Logout(ctx) }()

	m := view.NewManager(c)
	v, err := m.CreateContainerView(ctx, c.ServiceContent.RootFolder, []string{"VirtualMachine"}, true)
	if err != nil {
		t.Fatal(err)
	}
	var vms []mo.VirtualMachine
	if err := v.Retrieve(ctx, []string{"VirtualMachine"}, []string{"name", "runtime.powerState", "guest.ipAddress", "config.guestFullName"}, &vms); err != nil {
		t.Fatal(err)
	}
	if len(vms) != testVMs {
		t.Fatalf("want %d VMs, got %d", testVMs, len(vms))
	}
	states, withIP := map[types.VirtualMachinePowerState]int{}, 0
	for _, vm := range vms {
		states[vm.Runtime.PowerState]++
		if vm.Guest != nil && vm.Guest.IpAddress != "" {
			withIP++
		}
		if !strings.HasPrefix(vm.Name, "vm-00") || vm.Config.GuestFullName == "" {
			t.Fatalf("unexpected VM %s %q", vm.Name, vm.Config.GuestFullName)
		}
	}
	if len(states) != 3 || withIP == 0 || withIP == testVMs {
		t.Fatalf("power states %v, %d with IP", states, withIP)
	}

	var clusters []mo.ClusterComputeResource
	cv, _ := m.CreateContainerView(ctx, c.ServiceContent.RootFolder, []string{"ClusterComputeResource"}, true)
	if err := cv.Retrieve(ctx, []string{"ClusterComputeResource"}, []string{"name", "host", "datastore"}, &clusters); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, cl := range clusters {
		names[cl.Name] = cl.Self.Value
		if len(cl.Host) == 0 || len(cl.Datastore) == 0 {
			t.Fatalf("cluster %s has no hosts or datastores", cl.Name)
		}
	}
	if names[wcpClusterName] != sim.Ready.WCPClusterID || names[computeCluster] == "" {
		t.Fatalf("clusters %v, ready %s", names, sim.Ready.WCPClusterID)
	}

	pc, err := pbm.NewClient(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{goldPolicyName, vsanPolicyName} {
		if id, err := pc.ProfileIDByName(ctx, name); err != nil || id != sim.Ready.StoragePolicyIDs[name] {
			t.Fatalf("policy %s: %q %v", name, id, err)
		}
	}
}

func TestSeedVAPI(t *testing.T) {
	ctx := context.Background()
	rc := rest.NewClient(loggedIn(t))
	if err := rc.Login(ctx, url.UserPassword(testUser, testPassword)); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rc.Logout(ctx) }()
	ns := namespace.NewManager(rc)

	clusters, err := ns.ListClusters(ctx)
	ids := map[string]bool{}
	for _, c := range clusters {
		ids[c.ID] = true
	}
	// two Supervisors: WCP-Cluster and WCP-Cluster-2, each with an id of its own
	if err != nil || len(clusters) != 2 || !ids[sim.Ready.WCPClusterID] || !ids[sim.Ready.WCP2ClusterID] ||
		sim.Ready.WCPClusterID == sim.Ready.WCP2ClusterID {
		t.Fatalf("supervisor clusters %+v %v", clusters, err)
	}
	classes, err := ns.ListVmClasses(ctx)
	if err != nil || len(classes) != 3 {
		t.Fatalf("vm classes %+v %v", classes, err)
	}
	for _, cl := range classes {
		want := map[string][2]int64{"best-effort-small": {2, 4096}, "best-effort-medium": {2, 8192}, "guaranteed-large": {4, 16384}}[cl.Id]
		if cl.CpuCount != want[0] || cl.MemoryMb != want[1] {
			t.Fatalf("class %+v", cl)
		}
	}
	for _, name := range seedNamespaces {
		info, err := ns.GetNamespace(ctx, name)
		if err != nil || info.ClusterId != sim.Ready.WCPClusterID || len(info.VmServiceSpec.VmClasses) == 0 ||
			len(info.VmServiceSpec.ContentLibraries) != 1 || info.VmServiceSpec.ContentLibraries[0] != sim.Ready.LibraryID {
			t.Fatalf("namespace %s: %+v %v", name, info, err)
		}
	}
	for _, name := range seedNamespaces2 {
		info, err := ns.GetNamespace(ctx, name)
		if err != nil || info.ClusterId != sim.Ready.WCP2ClusterID || len(info.VmServiceSpec.VmClasses) != 1 {
			t.Fatalf("namespace %s on the second Supervisor: %+v %v", name, info, err)
		}
	}

	lm := library.NewManager(rc)
	lib, err := lm.GetLibraryByName(ctx, libraryName)
	if err != nil || lib.ID != sim.Ready.LibraryID {
		t.Fatalf("library: %+v %v", lib, err)
	}
	items, err := lm.GetLibraryItems(ctx, lib.ID)
	if err != nil || len(items) != len(seedImages) {
		t.Fatalf("items %+v %v", items, err)
	}
	files, err := lm.ListLibraryItemFiles(ctx, sim.Ready.LibraryItemIDs["ubuntu-2204-kube-v1.33"])
	if err != nil || len(files) != 1 || files[0].Name != "ubuntu-2204-kube-v1.33.ovf" {
		t.Fatalf("item files %+v %v", files, err)
	}
}

func TestReadyFileAndCA(t *testing.T) {
	dir := filepath.Dir(sim.Ready.CAFile)
	raw, err := os.ReadFile(filepath.Join(dir, "ready.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ready map[string]any
	if err := json.Unmarshal(raw, &ready); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"url", "sdkUrl", "caFile", "recorderFile", "wcpClusterId", "wcpClusterName", "datacenter", "vmCount", "pid"} {
		if _, ok := ready[k]; !ok {
			t.Fatalf("ready.json lacks %s: %s", k, raw)
		}
	}
	if ready["vmCount"].(float64) != testVMs || !strings.HasPrefix(ready["wcpClusterId"].(string), "domain-c") {
		t.Fatalf("ready.json: %s", raw)
	}
	// A second load reuses the same CA and server certificate.
	before, _ := os.ReadFile(sim.Ready.CAFile)
	if _, _, err := loadOrCreateTLS(dir); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(sim.Ready.CAFile)
	if !bytes.Equal(before, after) {
		t.Fatal("CA was regenerated")
	}
}

func TestAdminLoopbackOnly(t *testing.T) {
	h := adminHandler(nil, nil, http.NotFoundHandler())
	req, _ := http.NewRequest(http.MethodGet, "/testenv/sessions", nil)
	req.RemoteAddr = "192.0.2.10:5000"
	rec := &recordingWriter{header: http.Header{}}
	h.ServeHTTP(rec, req)
	if rec.code != http.StatusForbidden {
		t.Fatalf("remote admin call: %d", rec.code)
	}
}

type recordingWriter struct {
	header http.Header
	code   int
}

func (w *recordingWriter) Header() http.Header         { return w.header }
func (w *recordingWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *recordingWriter) WriteHeader(code int)        { w.code = code }

func TestSOAPOperationName(t *testing.T) {
	body := `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">` +
		`<soapenv:Header><x/></soapenv:Header><soapenv:Body><RetrievePropertiesEx xmlns="urn:vim25"><_this>pc</_this></RetrievePropertiesEx></soapenv:Body></soapenv:Envelope>`
	if got := soapOperation([]byte(body)); got != "RetrievePropertiesEx" {
		t.Fatalf("got %q", got)
	}
}
