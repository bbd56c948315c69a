package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"

	"github.com/vmware/govmomi/pbm"
	pbmtypes "github.com/vmware/govmomi/pbm/types"
	"github.com/vmware/govmomi/session"
	"github.com/vmware/govmomi/vapi/library"
	"github.com/vmware/govmomi/vapi/namespace"
	"github.com/vmware/govmomi/vapi/rest"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/soap"
)

// VM classes as the plugins read them (memory in MiB).
var seedVMClasses = []namespace.VirtualMachineClassCreateSpec{
	{Id: "best-effort-small", CpuCount: 2, MemoryMb: 4 * 1024},
	{Id: "best-effort-medium", CpuCount: 2, MemoryMb: 8 * 1024},
	{Id: "guaranteed-large", CpuCount: 4, MemoryMb: 16 * 1024, CpuReservation: 100, MemoryReservation: 100},
}

const (
	libraryName     = "tkg-images"
	goldPolicyName  = "k8s-gold"
	vsanPolicyName  = "vSAN Default Storage Policy" // one of the simulator's built-in profiles
	namespaceLimitM = 100 * 1024                    // storage limit per namespace, MiB
)

// What the seeded namespaces carry beyond the simulator's fields: demo has quota limits to show.
var seedNamespaceFields = map[string]map[string]any{
	"demo": {
		"description":   "Demo team: VM Service VMs and a workload cluster",
		"resource_spec": map[string]any{"cpu_limit": 20000, "memory_limit": 65536},
	},
	"team-a": {"description": "Team A"},
	"team-b": {"description": "Team B, on the second Supervisor"},
}

// Images in the content library; each gets a tiny OVF descriptor so the item has a file and a size.
var seedImages = []string{"ubuntu-2204-kube-v1.33", "photon-5-kube-v1.32"}

// vapiSeed is what the REST/PBM seeding produced; ids are random per start, names are stable.
type vapiSeed struct {
	LibraryID        string            `json:"contentLibraryId"`
	LibraryItemIDs   map[string]string `json:"contentLibraryItems"`
	StoragePolicyIDs map[string]string `json:"storagePolicies"`
}

// seedVAPI creates storage policies, VM classes, a content library and namespaces through the
// simulator's own SOAP/REST handlers, over the internal (unrecorded) listener.
func seedVAPI(ctx context.Context, u *url.URL, caFile string, inv *inventory, fields *namespaceFields) (*vapiSeed, error) {
	sc := soap.NewClient(u, false)
	if err := sc.SetRootCAs(caFile); err != nil {
		return nil, err
	}
	vc, err := vim25.NewClient(ctx, sc)
	if err != nil {
		return nil, err
	}
	sm := session.NewManager(vc)
	if err := sm.Login(ctx, u.User); err != nil {
		return nil, err
	}
	defer func() { _ = sm.Logout(ctx) }()

	out := &vapiSeed{LibraryItemIDs: map[string]string{}, StoragePolicyIDs: map[string]string{}}
	if err := seedPolicies(ctx, vc, out); err != nil {
		return nil, fmt.Errorf("storage policies: %w", err)
	}

	rc := rest.NewClient(vc)
	if err := rc.Login(ctx, u.User); err != nil {
		return nil, err
	}
	defer func() { _ = rc.Logout(ctx) }()

	ns := namespace.NewManager(rc)
	for _, spec := range seedVMClasses {
		if err := ns.CreateVmClass(ctx, spec); err != nil {
			return nil, fmt.Errorf("vm class %s: %w", spec.Id, err)
		}
	}
	if err := seedLibrary(ctx, rc, inv.DatastoreIDs[vsanDatastore], out); err != nil {
		return nil, fmt.Errorf("content library: %w", err)
	}

	classes := map[string][]string{
		"demo":   {"best-effort-small", "best-effort-medium", "guaranteed-large"},
		"team-a": {"best-effort-small", "best-effort-medium"},
		"team-b": {"best-effort-small"},
	}
	// as the Supervisor's ResourceQuotas of these namespaces list them (testenv/supervisor/manifests/50-quotas.yaml)
	gold := namespace.StorageSpec{Policy: out.StoragePolicyIDs[goldPolicyName], Limit: namespaceLimitM}
	vsan := namespace.StorageSpec{Policy: out.StoragePolicyIDs[vsanPolicyName], Limit: namespaceLimitM}
	storage := map[string][]namespace.StorageSpec{"demo": {gold, vsan}, "team-a": {gold}, "team-b": {gold}}
	clusterOf := func(name string) string {
		if slices.Contains(seedNamespaces2, name) {
			return inv.WCP2ClusterID
		}
		return inv.WCPClusterID
	}
	for _, name := range append(slices.Clone(seedNamespaces), seedNamespaces2...) {
		err := ns.CreateNamespace(ctx, namespace.NamespacesInstanceCreateSpec{
			Cluster:   clusterOf(name),
			Namespace: name,
			VmServiceSpec: namespace.VmServiceSpec{
				VmClasses:        classes[name],
				ContentLibraries: []string{out.LibraryID},
			},
			StorageSpecs: storage[name],
		})
		if err != nil {
			return nil, fmt.Errorf("namespace %s: %w", name, err)
		}
		// seeding bypasses the public listener's overlay: hand it what vCenter would keep
		kept := map[string]any{"storage_specs": storage[name]}
		for key, value := range seedNamespaceFields[name] {
			kept[key] = value
		}
		body, _ := json.Marshal(kept)
		fields.remember(name, body)
		fields.seedStats(name)
	}
	return out, nil
}

// seedPolicies adds k8s-gold and records the ids of it and the built-in vSAN default policy.
func seedPolicies(ctx context.Context, vc *vim25.Client, out *vapiSeed) error {
	pc, err := pbm.NewClient(ctx, vc)
	if err != nil {
		return err
	}
	spec, err := pbm.CreateCapabilityProfileSpec(pbm.CapabilityProfileCreateSpec{
		Name:             goldPolicyName,
		Description:      "Gold tier storage for Supervisor workloads",
		Category:         string(pbmtypes.PbmProfileCategoryEnumREQUIREMENT),
		K8sCompliantName: goldPolicyName,
		SubProfileName:   "vSAN sub-profile",
		CapabilityList: []pbm.Capability{{
			ID: "hostFailuresToTolerate", Namespace: "VSAN",
			PropertyList: []pbm.Property{{ID: "hostFailuresToTolerate", Value: "1", DataType: "int"}},
		}},
	})
	if err != nil {
		return err
	}
	if _, err := pc.CreateProfile(ctx, *spec); err != nil {
		return err
	}
	for _, name := range []string{goldPolicyName, vsanPolicyName} {
		id, err := pc.ProfileIDByName(ctx, name)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out.StoragePolicyIDs[name] = id
	}
	return nil
}

// seedLibrary creates a local library on vsanDatastore with one OVF file per image.
func seedLibrary(ctx context.Context, rc *rest.Client, datastoreID string, out *vapiSeed) error {
	m := library.NewManager(rc)
	desc := "Kubernetes node images for the Supervisor"
	var err error
	out.LibraryID, err = m.CreateLibrary(ctx, library.Library{
		Name: libraryName, Description: &desc, Type: "LOCAL",
		Storage: []library.StorageBacking{{DatastoreID: datastoreID, Type: "DATASTORE"}},
	})
	if err != nil {
		return err
	}
	for _, image := range seedImages {
		id, err := m.CreateLibraryItem(ctx, library.Item{Name: image, Type: "ovf", LibraryID: out.LibraryID})
		if err != nil {
			return err
		}
		out.LibraryItemIDs[image] = id
		if err := uploadOVF(ctx, rc, m, id, image); err != nil {
			return fmt.Errorf("%s: %w", image, err)
		}
	}
	return nil
}

func uploadOVF(ctx context.Context, rc *rest.Client, m *library.Manager, itemID, image string) error {
	sid, err := m.CreateLibraryItemUpdateSession(ctx, library.Session{LibraryItemID: itemID})
	if err != nil {
		return err
	}
	body := []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1"><VirtualSystem id="%s"><Name>%s</Name></VirtualSystem></Envelope>
`, image, image))
	file, err := m.AddLibraryItemFile(ctx, sid, library.UpdateFile{Name: image + ".ovf", SourceType: "PUSH", Size: int64(len(body))})
	if err != nil {
		return err
	}
	dst, err := url.Parse(file.UploadEndpoint.URI)
	if err != nil {
		return err
	}
	p := soap.DefaultUpload
	p.ContentLength = int64(len(body))
	if err := rc.Upload(ctx, bytes.NewReader(body), dst, &p); err != nil {
		return err
	}
	return m.CompleteLibraryItemUpdateSession(ctx, sid)
}
