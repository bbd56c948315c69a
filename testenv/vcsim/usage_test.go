package main

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/vmware/govmomi/performance"
	"github.com/vmware/govmomi/session"
	"github.com/vmware/govmomi/view"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

func TestSeededUsage(t *testing.T) {
	ctx := context.Background()
	c := loggedIn(t)
	defer func() { _ = session.NewManager(c).Logout(ctx) }()
	m := view.NewManager(c)

	hv, _ := m.CreateContainerView(ctx, c.ServiceContent.RootFolder, []string{"HostSystem"}, true)
	var hosts []mo.HostSystem
	if err := hv.Retrieve(ctx, []string{"HostSystem"}, []string{"name", "summary"}, &hosts); err != nil {
		t.Fatal(err)
	}
	for _, h := range hosts {
		hw, qs := h.Summary.Hardware, h.Summary.QuickStats
		if hw.NumCpuCores != hostCores || hw.MemorySize != hostMemGiB<<30 {
			t.Fatalf("host %s hardware %d cores %d bytes", h.Name, hw.NumCpuCores, hw.MemorySize)
		}
		if qs.OverallCpuUsage < hostOverheadCPUMHz || qs.OverallMemoryUsage < hostOverheadMemMB ||
			qs.OverallCpuUsage > hostCores*hostCPUMHz || int64(qs.OverallMemoryUsage) > hostMemGiB<<10 {
			t.Fatalf("host %s quick stats %+v", h.Name, qs)
		}
	}

	vv, _ := m.CreateContainerView(ctx, c.ServiceContent.RootFolder, []string{"VirtualMachine"}, true)
	var vms []mo.VirtualMachine
	if err := vv.Retrieve(ctx, []string{"VirtualMachine"}, []string{"runtime.powerState", "summary.quickStats"}, &vms); err != nil {
		t.Fatal(err)
	}
	var refs []types.ManagedObjectReference
	for _, vm := range vms {
		on := vm.Runtime.PowerState == types.VirtualMachinePowerStatePoweredOn
		if used := vm.Summary.QuickStats.OverallCpuUsage > 0; used != on {
			t.Fatalf("VM %s %s with CPU usage %d", vm.Self.Value, vm.Runtime.PowerState, vm.Summary.QuickStats.OverallCpuUsage)
		}
		refs = append(refs, vm.Self)
	}

	// Real-time CPU and memory for many VMs in one QueryPerf: the simulator's sample data, non-zero.
	pm := performance.NewManager(c)
	series, err := pm.SampleByName(ctx, types.PerfQuerySpec{MaxSample: 15, IntervalId: 20}, []string{"cpu.usage.average", "mem.usage.average"}, refs)
	if err != nil || len(series) != len(refs) {
		t.Fatalf("perf for %d VMs: %d, %v", len(refs), len(series), err)
	}

	code, body := do(t, http.MethodGet, namespacesPath+"/demo", restLogin(t), nil)
	var info struct {
		Stats map[string]int64 `json:"stats"`
	}
	if code != http.StatusOK || json.Unmarshal(body, &info) != nil || info.Stats["cpu_used"] != seedNamespaceStats["demo"]["cpu_used"] {
		t.Fatalf("demo namespace %d %s", code, body)
	}
}
