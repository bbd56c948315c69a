package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"

	// These register the vAPI (REST), namespace, PBM and other endpoints with the simulator.
	_ "github.com/vmware/govmomi/pbm/simulator"
	_ "github.com/vmware/govmomi/vapi/cluster/simulator"
	_ "github.com/vmware/govmomi/vapi/namespace/simulator"
	_ "github.com/vmware/govmomi/vapi/simulator"
	_ "github.com/vmware/govmomi/vapi/vm/simulator"
)

// Config is the command line contract the testenv scripts rely on.
type Config struct {
	Listen   string
	Dir      string
	Username string
	Password string
	VMs      int
}

// Ready is written to <dir>/ready.json once the public listener serves.
type Ready struct {
	URL            string `json:"url"`
	SDKURL         string `json:"sdkUrl"`
	CAFile         string `json:"caFile"`
	RecorderFile   string `json:"recorderFile"`
	WCPClusterID   string `json:"wcpClusterId"`
	WCPClusterName string `json:"wcpClusterName"`
	// the second Supervisor-enabled cluster and its namespaces
	WCP2ClusterID   string   `json:"wcp2ClusterId"`
	WCP2ClusterName string   `json:"wcp2ClusterName"`
	WCP2Namespaces  []string `json:"wcp2Namespaces"`
	Datacenter      string   `json:"datacenter"`
	VMCount         int      `json:"vmCount"`
	PID             int      `json:"pid"`
	Namespaces      []string `json:"namespaces"`
	VMClasses       []string `json:"vmClasses"`
	ContentLibrary  string   `json:"contentLibraryName"`
	// vSphere zones bound to each Supervisor, by Supervisor (WCP cluster) id
	Zones map[string][]string `json:"zones"`
	*vapiSeed
}

// Sim is a running simulator: an internal listener the simulator talks to itself on (and seeding
// uses), and the public listener clients use, which adds recording, auth fixes and /testenv/.
type Sim struct {
	Ready    Ready
	model    *simulator.Model
	internal *simulator.Server
	public   *http.Server
	rec      *Recorder
	dataDir  string
	readyF   string
}

// Start seeds the inventory, starts both listeners and writes ready.json.
func Start(ctx context.Context, cfg Config) (*Sim, error) {
	if cfg.VMs < 0 {
		return nil, errors.New("--vms must be >= 0")
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &Sim{dataDir: filepath.Join(dir, "vcsim-data"), readyF: filepath.Join(dir, "ready.json")}
	_ = os.Remove(s.readyF)
	tlsConfig, caFile, err := loadOrCreateTLS(dir)
	if err != nil {
		return nil, fmt.Errorf("tls: %w", err)
	}
	// Bind early so a busy port fails before the (possibly long) seeding.
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			_ = ln.Close()
			s.Close()
		}
	}()

	_ = os.RemoveAll(s.dataDir)
	if err := os.MkdirAll(s.dataDir, 0o700); err != nil {
		return nil, err
	}
	// An empty vCenter model: everything is created by seedInventory with our names.
	s.model = simulator.VPX()
	s.model.Datacenter, s.model.Portgroup, s.model.Host, s.model.Cluster = 0, 0, 0, 0
	s.model.ClusterHost, s.model.Datastore, s.model.Machine, s.model.Autostart = 0, 0, 0, false
	if err := s.model.Create(); err != nil {
		return nil, err
	}
	svc := s.model.Service
	svc.TLS = tlsConfig
	svc.RegisterEndpoints = true
	// A non-default user makes the SessionManager (SOAP Login and REST Basic auth) check credentials.
	svc.Listen = &url.URL{Host: "127.0.0.1:0", User: url.UserPassword(cfg.Username, cfg.Password)}

	vim, err := vim25.NewClient(ctx, svc)
	if err != nil {
		return nil, err
	}
	started := time.Now()
	inv, err := seedInventory(ctx, vim, s.dataDir, cfg.VMs)
	if err != nil {
		return nil, fmt.Errorf("seed inventory: %w", err)
	}
	seedUsage(s.model.Map())
	log.Printf("seeded %d VMs in %s", cfg.VMs, time.Since(started).Round(time.Millisecond))

	s.internal = svc.NewServer()
	// The namespace-management clusters handler opens a SOAP client per request and never closes it;
	// without keep-alive each such connection ends with its response instead of leaking two fds.
	s.internal.Config.SetKeepAlivesEnabled(false)
	publicHost := ln.Addr().String()
	// Links handed to clients (NFC leases, datastore URLs) should point at the public listener.
	s.model.Map().SessionManager().ServiceHostName = publicHost

	fields := newNamespaceFields()
	seeded, err := seedVAPI(ctx, s.internal.URL, caFile, inv, fields)
	if err != nil {
		return nil, fmt.Errorf("seed vapi: %w", err)
	}

	fields.zones = newZoneTopology(map[string]string{wcpClusterName: inv.WCPClusterID, wcp2ClusterName: inv.WCP2ClusterID})
	fields.seedV2(inv, seeded.LibraryID)

	s.rec, err = openRecorder(filepath.Join(dir, "requests.jsonl"))
	if err != nil {
		return nil, err
	}
	tracker := newSessionTracker(svc.ServeMux, vim)
	handler := adminHandler(tracker, s.rec, s.rec.Middleware(tracker.Middleware(authShim(fields.zones.Middleware(fields.V2Middleware(fields.Middleware(svc.ServeMux)), fields.namespacesInZone)))))
	s.public = &http.Server{Handler: handler, ErrorLog: log.New(os.Stderr, "public: ", log.LstdFlags), ReadHeaderTimeout: 30 * time.Second}
	go func() { _ = s.public.Serve(tls.NewListener(ln, s.internal.TLS)) }()

	base := "https://" + publicHost
	s.Ready = Ready{
		URL: base, SDKURL: base + "/sdk", CAFile: caFile, RecorderFile: s.rec.path,
		WCPClusterID: inv.WCPClusterID, WCPClusterName: wcpClusterName, Datacenter: datacenterName,
		WCP2ClusterID: inv.WCP2ClusterID, WCP2ClusterName: wcp2ClusterName, WCP2Namespaces: seedNamespaces2,
		VMCount: cfg.VMs, PID: os.Getpid(), Namespaces: seedNamespaces, ContentLibrary: libraryName,
		VMClasses: []string{}, vapiSeed: seeded, Zones: fields.zones.names(),
	}
	for _, c := range seedVMClasses {
		s.Ready.VMClasses = append(s.Ready.VMClasses, c.Id)
	}
	if err := writeFileAtomic(s.readyF, s.Ready); err != nil {
		return nil, err
	}
	ok = true
	return s, nil
}

// Close stops both listeners and removes the simulator's files (the CA and recorder stay).
func (s *Sim) Close() {
	if s.public != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = s.public.Shutdown(ctx)
		cancel()
	}
	if s.internal != nil {
		s.internal.Close()
	}
	if s.model != nil && s.model.Service != nil {
		s.model.Remove()
	}
	if s.rec != nil {
		_ = s.rec.Close()
	}
	_ = os.Remove(s.readyF)
	_ = os.RemoveAll(s.dataDir)
}

func writeFileAtomic(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
