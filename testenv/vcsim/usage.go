package main

import (
	"encoding/json"
	"sort"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// Host sizes: the simulator's template host has 2 cores and 4 GiB, too small for the seeded namespace
// limits to mean anything; these are small but real ESXi servers.
const (
	hostCores  = 16
	hostCPUMHz = 2600
	hostMemGiB = 256
	// What ESXi itself uses on a host beyond its VMs.
	hostOverheadCPUMHz = 400
	hostOverheadMemMB  = 6144
)

// Host load in percent of capacity (CPU, memory), by host order: the VMs' own numbers would
// overload two compute hosts with the 1,000 VMs of the test run, so hosts get fixed shares.
var hostLoad = [][2]int64{{34, 52}, {61, 70}, {22, 41}, {47, 63}, {55, 58}}

// Usage the seeded namespaces report in vCenter's `stats` (the simulator reports zeros).
var seedNamespaceStats = map[string]map[string]int64{
	"demo":   {"cpu_used": 7800, "memory_used": 28672, "storage_used": 61440},
	"team-a": {"cpu_used": 2100, "memory_used": 10240, "storage_used": 20480},
}

// vmUsage is the deterministic share of its size a powered-on seeded VM uses.
func vmUsage(i int, cpus int32, memMB int32) (cpuMHz, guestMemMB, hostMemMB int32) {
	cpuPct := []int32{12, 35, 58, 80}[i%4]
	memPct := []int32{30, 45, 60, 75}[(i/2)%4]
	cpuMHz = cpus * hostCPUMHz * cpuPct / 100
	guestMemMB = memMB * memPct / 100
	hostMemMB = memMB * (memPct + 15) / 100
	return cpuMHz, guestMemMB, hostMemMB
}

// seedUsage gives hosts real sizes, and hosts and powered-on VMs the quick stats vCenter reports
// (the simulator leaves them at zero), before any listener serves, so no lock is contended.
func seedUsage(m *simulator.Registry) {
	// the registry is a map: sort by name so every start gives each object the same numbers
	all := func(kind string) []mo.Entity {
		list := m.All(kind)
		sort.Slice(list, func(a, b int) bool { return list[a].Entity().Name < list[b].Entity().Name })
		return list
	}
	for i, e := range all("VirtualMachine") {
		vm := e.(*simulator.VirtualMachine)
		qs := &vm.Summary.QuickStats
		if vm.Runtime.PowerState != types.VirtualMachinePowerStatePoweredOn || vm.Config == nil {
			continue
		}
		cpu, guest, host := vmUsage(i+1, vm.Config.Hardware.NumCPU, vm.Config.Hardware.MemoryMB)
		qs.OverallCpuUsage, qs.GuestMemoryUsage, qs.HostMemoryUsage = cpu, guest, host
		qs.OverallCpuDemand, qs.ConsumedOverheadMemory = cpu, 64
		qs.UptimeSeconds = int32(3600 * (24 + i%240))
	}
	for i, e := range all("HostSystem") {
		host := e.(*simulator.HostSystem)
		hw := host.Summary.Hardware
		hw.NumCpuCores, hw.NumCpuThreads, hw.CpuMhz = hostCores, 2*hostCores, hostCPUMHz
		hw.MemorySize = hostMemGiB << 30
		if host.Hardware != nil {
			host.Hardware.MemorySize = hw.MemorySize
			host.Hardware.CpuInfo.NumCpuCores, host.Hardware.CpuInfo.NumCpuThreads = hostCores, 2*hostCores
			host.Hardware.CpuInfo.Hz = hostCPUMHz * 1_000_000
		}
		load := hostLoad[i%len(hostLoad)]
		host.Summary.QuickStats.OverallCpuUsage = hostOverheadCPUMHz + int32(load[0]*hostCores*hostCPUMHz/100)
		host.Summary.QuickStats.OverallMemoryUsage = hostOverheadMemMB + int32(load[1]*hostMemGiB*1024/100)
		host.Summary.QuickStats.Uptime = 86400 * 41
	}
	// Cluster totals as vCenter sums them: cores x MHz and bytes of every host.
	for _, e := range all("ClusterComputeResource") {
		cluster := e.(*simulator.ClusterComputeResource)
		s := cluster.Summary.GetComputeResourceSummary()
		n := int32(len(cluster.Host))
		s.NumCpuCores, s.NumCpuThreads = int16(n*hostCores), int16(2*n*hostCores)
		s.TotalCpu, s.EffectiveCpu = n*hostCores*hostCPUMHz, n*hostCores*hostCPUMHz
		s.TotalMemory = int64(n) * hostMemGiB << 30
		s.EffectiveMemory = int64(n) * hostMemGiB << 10 // MiB, as vCenter reports it
	}
}

// seedStats sets the usage a seeded namespace reports; a created one reports the simulator's zeros.
func (f *namespaceFields) seedStats(name string) {
	stats, ok := seedNamespaceStats[name]
	if !ok {
		return
	}
	raw, _ := json.Marshal(stats)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.byName[name] == nil {
		f.byName[name] = map[string]json.RawMessage{}
	}
	f.byName[name]["stats"] = raw
}
