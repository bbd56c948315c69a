package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/property"
	"github.com/vmware/govmomi/units"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// Inventory names; tests and the testenv scripts rely on them.
const (
	datacenterName = "Datacenter"
	wcpClusterName = "WCP-Cluster" // the namespace simulator only lists clusters named WCP-*
	// a second Supervisor-enabled cluster: a second Supervisor on the same vCenter
	wcp2ClusterName = "WCP-Cluster-2"
	computeCluster  = "Compute-Cluster"
	dvsName         = "DSwitch"
	workloadPG      = "Workload-Network"
	managementPG    = "Management-Network"
	nfsDatastore    = "nfs-shared-01"
	localDatastore  = "local-compute-01"
	vsanDatastore   = "vsanDatastore" // created by the simulator when vSAN is enabled on a cluster
)

// Supervisor namespaces seeded on the WCP cluster, each with a resource pool and VM folder as real WCP does.
var seedNamespaces = []string{"demo", "team-a"}

// The second Supervisor's namespaces (on WCP-Cluster-2).
var seedNamespaces2 = []string{"team-b"}

// Compute-Cluster child pools, also used as VM folder names.
var computePools = []string{"Production", "Development"}

type guestOS struct{ id, fullName string }

// A small rotation of guest OSes; full names match what vCenter reports.
var guestOSes = []guestOS{
	{"ubuntu64Guest", "Ubuntu Linux (64-bit)"},
	{"rhel9_64Guest", "Red Hat Enterprise Linux 9 (64-bit)"},
	{"windows2019srv_64Guest", "Microsoft Windows Server 2019 (64-bit)"},
	{"vmwarePhoton64Guest", "VMware Photon OS (64-bit)"},
	{"centos8_64Guest", "CentOS 8 (64-bit)"},
}

// inventory is what later seeding steps and ready.json need to know.
type inventory struct {
	WCPClusterID  string
	WCP2ClusterID string
	DatastoreIDs  map[string]string
}

// placement is one VM's target: folder, pool, host, datastore and network backing.
type placement struct {
	folder  *object.Folder
	pool    *object.ResourcePool
	host    *object.HostSystem
	ds      string
	backing types.BaseVirtualDeviceBackingInfo
}

// seedInventory builds the deterministic inventory through an in-process client (no HTTP, no sessions).
func seedInventory(ctx context.Context, c *vim25.Client, dataDir string, nVMs int) (*inventory, error) {
	inv := &inventory{DatastoreIDs: map[string]string{}}
	// The simulator puts vsanDatastore under vcsim.home; keep it with the other datastores.
	err := object.NewOptionManager(c, *c.ServiceContent.Setting).Update(ctx, []types.BaseOptionValue{
		&types.OptionValue{Key: "vcsim.home", Value: dataDir},
	})
	if err != nil {
		return nil, err
	}
	root := object.NewRootFolder(c)
	dc, err := root.CreateDatacenter(ctx, datacenterName)
	if err != nil {
		return nil, err
	}
	folders, err := dc.Folders(ctx)
	if err != nil {
		return nil, err
	}

	dvs, err := createDVS(ctx, folders.NetworkFolder)
	if err != nil {
		return nil, err
	}

	// WCP-Cluster: DRS, HA and vSAN on, three hosts (vSAN needs three to place files).
	on := types.NewBool(true)
	wcp, err := createCluster(ctx, folders.HostFolder, wcpClusterName, types.ClusterConfigSpecEx{
		DrsConfig:  &types.ClusterDrsConfigInfo{Enabled: on, DefaultVmBehavior: types.DrsBehaviorFullyAutomated},
		DasConfig:  &types.ClusterDasConfigInfo{Enabled: on},
		VsanConfig: &types.VsanClusterConfigInfo{Enabled: on},
	})
	if err != nil {
		return nil, err
	}
	inv.WCPClusterID = wcp.Reference().Value
	compute, err := createCluster(ctx, folders.HostFolder, computeCluster, types.ClusterConfigSpecEx{
		DrsConfig: &types.ClusterDrsConfigInfo{Enabled: on, DefaultVmBehavior: types.DrsBehaviorPartiallyAutomated},
	})
	if err != nil {
		return nil, err
	}

	wcpHosts, err := addHosts(ctx, wcp, dvs, "esx-wcp-%02d.vsphere.local", 3)
	if err != nil {
		return nil, err
	}
	computeHosts, err := addHosts(ctx, compute, dvs, "esx-cmp-%02d.vsphere.local", 2)
	if err != nil {
		return nil, err
	}

	// Datastores: a shared NFS one on every host, a local one on the compute hosts.
	if err := addDatastore(ctx, dataDir, nfsDatastore, append(append([]*object.HostSystem{}, wcpHosts...), computeHosts...), true); err != nil {
		return nil, err
	}
	if err := addDatastore(ctx, dataDir, localDatastore, computeHosts, false); err != nil {
		return nil, err
	}
	for _, name := range []string{vsanDatastore, nfsDatastore, localDatastore} {
		ds, err := findDatastore(ctx, c, name)
		if err != nil || ds == nil {
			return nil, fmt.Errorf("datastore %s not found: %v", name, err)
		}
		inv.DatastoreIDs[name] = ds.Reference().Value
	}

	workload, err := portgroupBacking(ctx, c, workloadPG)
	if err != nil {
		return nil, err
	}
	vmNetwork, err := networkBacking(ctx, c, "VM Network")
	if err != nil {
		return nil, err
	}

	// Namespaces resource pool and VM folder per namespace, like a real Supervisor.
	var wcpTargets, computeTargets []placement
	wcpRoot, err := wcp.ResourcePool(ctx)
	if err != nil {
		return nil, err
	}
	nsPool, err := wcpRoot.Create(ctx, "Namespaces", types.DefaultResourceConfigSpec())
	if err != nil {
		return nil, err
	}
	nsFolder, err := folders.VmFolder.CreateFolder(ctx, "Namespaces")
	if err != nil {
		return nil, err
	}
	for _, ns := range seedNamespaces {
		pool, err := nsPool.Create(ctx, ns, types.DefaultResourceConfigSpec())
		if err != nil {
			return nil, err
		}
		f, err := nsFolder.CreateFolder(ctx, ns)
		if err != nil {
			return nil, err
		}
		wcpTargets = append(wcpTargets, placement{folder: f, pool: pool, ds: vsanDatastore, backing: workload})
	}
	computeRoot, err := compute.ResourcePool(ctx)
	if err != nil {
		return nil, err
	}
	for i, name := range computePools {
		pool, err := computeRoot.Create(ctx, name, types.DefaultResourceConfigSpec())
		if err != nil {
			return nil, err
		}
		f, err := folders.VmFolder.CreateFolder(ctx, name)
		if err != nil {
			return nil, err
		}
		ds := []string{nfsDatastore, localDatastore}[i%2]
		computeTargets = append(computeTargets, placement{folder: f, pool: pool, ds: ds, backing: vmNetwork})
	}
	if _, err := folders.VmFolder.CreateFolder(ctx, "Templates"); err != nil {
		return nil, err
	}

	for i := 1; i <= nVMs; i++ {
		// One VM in three lands on the Supervisor cluster, the rest on Compute-Cluster.
		var p placement
		if i%3 == 0 {
			p = wcpTargets[(i/3)%len(wcpTargets)]
			p.host = wcpHosts[i%len(wcpHosts)]
		} else {
			p = computeTargets[i%len(computeTargets)]
			p.host = computeHosts[i%len(computeHosts)]
		}
		if err := createVM(ctx, c, i, p); err != nil {
			return nil, fmt.Errorf("vm %d: %w", i, err)
		}
	}
	// Created last, so that every object above keeps the id it had before this cluster existed.
	if inv.WCP2ClusterID, err = seedSecondSupervisor(ctx, dataDir, folders, dvs, nsFolder); err != nil {
		return nil, fmt.Errorf("%s: %w", wcp2ClusterName, err)
	}
	return inv, nil
}

// seedSecondSupervisor adds WCP-Cluster-2 (DRS, one host on nfs-shared-01) with a Namespaces pool and a folder per namespace.
func seedSecondSupervisor(ctx context.Context, dataDir string, folders *object.DatacenterFolders, dvs *object.DistributedVirtualSwitch, nsFolder *object.Folder) (string, error) {
	on := types.NewBool(true)
	wcp2, err := createCluster(ctx, folders.HostFolder, wcp2ClusterName, types.ClusterConfigSpecEx{
		DrsConfig: &types.ClusterDrsConfigInfo{Enabled: on, DefaultVmBehavior: types.DrsBehaviorFullyAutomated},
	})
	if err != nil {
		return "", err
	}
	hosts, err := addHosts(ctx, wcp2, dvs, "esx-wcp2-%02d.vsphere.local", 1)
	if err != nil {
		return "", err
	}
	if err := addDatastore(ctx, dataDir, nfsDatastore, hosts, true); err != nil {
		return "", err
	}
	root, err := wcp2.ResourcePool(ctx)
	if err != nil {
		return "", err
	}
	nsPool, err := root.Create(ctx, "Namespaces", types.DefaultResourceConfigSpec())
	if err != nil {
		return "", err
	}
	for _, ns := range seedNamespaces2 {
		if _, err := nsPool.Create(ctx, ns, types.DefaultResourceConfigSpec()); err != nil {
			return "", err
		}
		if _, err := nsFolder.CreateFolder(ctx, ns); err != nil {
			return "", err
		}
	}
	return wcp2.Reference().Value, nil
}

// createCluster applies the spec with a reconfigure, since the simulator ignores it at create time.
func createCluster(ctx context.Context, f *object.Folder, name string, spec types.ClusterConfigSpecEx) (*object.ClusterComputeResource, error) {
	cluster, err := f.CreateCluster(ctx, name, types.ClusterConfigSpecEx{})
	if err != nil {
		return nil, err
	}
	task, err := cluster.Reconfigure(ctx, &spec, true)
	if err != nil {
		return nil, err
	}
	return cluster, wait(ctx, task)
}

func createDVS(ctx context.Context, networkFolder *object.Folder) (*object.DistributedVirtualSwitch, error) {
	spec := types.DVSCreateSpec{ConfigSpec: &types.VMwareDVSConfigSpec{DVSConfigSpec: types.DVSConfigSpec{Name: dvsName}}}
	task, err := networkFolder.CreateDVS(ctx, spec)
	if err != nil {
		return nil, err
	}
	res, err := waitTask(ctx, task)
	if err != nil {
		return nil, err
	}
	dvs := object.NewDistributedVirtualSwitch(networkFolder.Client(), res)
	for _, name := range []string{workloadPG, managementPG} {
		task, err := dvs.AddPortgroup(ctx, []types.DVPortgroupConfigSpec{{
			Name: name, Type: string(types.DistributedVirtualPortgroupPortgroupTypeEarlyBinding), NumPorts: 128,
		}})
		if err != nil {
			return nil, err
		}
		if err := wait(ctx, task); err != nil {
			return nil, err
		}
	}
	return dvs, nil
}

// addHosts adds n hosts to the cluster and joins them to the DVS.
func addHosts(ctx context.Context, cluster *object.ClusterComputeResource, dvs *object.DistributedVirtualSwitch, format string, n int) ([]*object.HostSystem, error) {
	var hosts []*object.HostSystem
	for i := 1; i <= n; i++ {
		task, err := cluster.AddHost(ctx, types.HostConnectSpec{HostName: fmt.Sprintf(format, i)}, true, nil, nil)
		if err != nil {
			return nil, err
		}
		res, err := waitTask(ctx, task)
		if err != nil {
			return nil, err
		}
		host := object.NewHostSystem(cluster.Client(), res)
		task, err = dvs.Reconfigure(ctx, &types.DVSConfigSpec{Host: []types.DistributedVirtualSwitchHostMemberConfigSpec{{
			Operation: string(types.ConfigSpecOperationAdd), Host: host.Reference(),
		}}})
		if err != nil {
			return nil, err
		}
		if err := wait(ctx, task); err != nil {
			return nil, err
		}
		hosts = append(hosts, host)
	}
	return hosts, nil
}

// addDatastore mounts one directory on every given host; the same name and path make it shared.
func addDatastore(ctx context.Context, dataDir, name string, hosts []*object.HostSystem, nfs bool) error {
	dir := filepath.Join(dataDir, name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	for _, host := range hosts {
		dss, err := host.ConfigManager().DatastoreSystem(ctx)
		if err != nil {
			return err
		}
		if nfs {
			_, err = dss.CreateNasDatastore(ctx, types.HostNasVolumeSpec{
				RemoteHost: "nfs01.vsphere.local", RemotePath: "/exports/" + name, LocalPath: dir,
				AccessMode: string(types.HostMountModeReadWrite), Type: string(types.HostFileSystemVolumeFileSystemTypeNFS),
			})
		} else {
			_, err = dss.CreateLocalDatastore(ctx, name, dir)
		}
		if err != nil {
			return fmt.Errorf("datastore %s on %s: %w", name, host.Reference().Value, err)
		}
	}
	return nil
}

func findDatastore(ctx context.Context, c *vim25.Client, name string) (object.Reference, error) {
	return object.NewSearchIndex(c).FindByInventoryPath(ctx, "/"+datacenterName+"/datastore/"+name)
}

func portgroupBacking(ctx context.Context, c *vim25.Client, name string) (types.BaseVirtualDeviceBackingInfo, error) {
	ref, err := object.NewSearchIndex(c).FindByInventoryPath(ctx, "/"+datacenterName+"/network/"+name)
	if err != nil || ref == nil {
		return nil, fmt.Errorf("portgroup %s not found: %v", name, err)
	}
	return object.NewDistributedVirtualPortgroup(c, ref.Reference()).EthernetCardBackingInfo(ctx)
}

func networkBacking(ctx context.Context, c *vim25.Client, name string) (types.BaseVirtualDeviceBackingInfo, error) {
	ref, err := object.NewSearchIndex(c).FindByInventoryPath(ctx, "/"+datacenterName+"/network/"+name)
	if err != nil || ref == nil {
		return nil, fmt.Errorf("network %s not found: %v", name, err)
	}
	return object.NewNetwork(c, ref.Reference()).EthernetCardBackingInfo(ctx)
}

// createVM creates vm-NNNN with a deterministic size, guest OS, power state and (for some) an IP address.
func createVM(ctx context.Context, c *vim25.Client, i int, p placement) error {
	name := fmt.Sprintf("vm-%04d", i)
	guest := guestOSes[i%len(guestOSes)]
	cpus := []int32{1, 2, 4, 8}[i%4]
	memGiB := []int64{2, 4, 8, 16}[(i/4)%4]
	diskGiB := []int64{20, 40, 80}[i%3]

	var devices object.VirtualDeviceList
	scsi, err := devices.CreateSCSIController("pvscsi")
	if err != nil {
		return err
	}
	devices = append(devices, scsi)
	disk := devices.CreateDisk(scsi.(types.BaseVirtualController), types.ManagedObjectReference{},
		fmt.Sprintf("[%s] %s/%s.vmdk", p.ds, name, name))
	disk.CapacityInKB = diskGiB * int64(units.GB) / int64(units.KB)
	nic, err := devices.CreateEthernetCard("vmxnet3", p.backing)
	if err != nil {
		return err
	}
	devices = append(devices, disk, nic)
	change, err := devices.ConfigSpec(types.VirtualDeviceConfigSpecOperationAdd)
	if err != nil {
		return err
	}

	// "SET.<property>" extra config is the simulator's hook to set read-only properties at create time.
	extra := []types.BaseOptionValue{
		&types.OptionValue{Key: "SET.config.guestFullName", Value: guest.fullName},
		&types.OptionValue{Key: "SET.summary.config.guestFullName", Value: guest.fullName},
		&types.OptionValue{Key: "SET.guest.guestFullName", Value: guest.fullName},
		&types.OptionValue{Key: "SET.summary.guest.guestFullName", Value: guest.fullName},
		&types.OptionValue{Key: "SET.guest.guestId", Value: guest.id},
	}
	state := powerState(i)
	if state == types.VirtualMachinePowerStatePoweredOn && i%4 != 3 {
		extra = append(extra,
			&types.OptionValue{Key: "SET.guest.ipAddress", Value: vmIP(i)},
			&types.OptionValue{Key: "SET.guest.hostName", Value: name},
		)
	}

	spec := types.VirtualMachineConfigSpec{
		Name:         name,
		GuestId:      guest.id,
		NumCPUs:      cpus,
		MemoryMB:     memGiB * 1024,
		Annotation:   "seeded by testenv/vcsim",
		Files:        &types.VirtualMachineFileInfo{VmPathName: fmt.Sprintf("[%s]", p.ds)},
		DeviceChange: change,
		ExtraConfig:  extra,
	}
	task, err := p.folder.CreateVM(ctx, spec, p.pool, p.host)
	if err != nil {
		return err
	}
	res, err := waitTask(ctx, task)
	if err != nil {
		return err
	}
	vm := object.NewVirtualMachine(c, res)
	if state == types.VirtualMachinePowerStatePoweredOff {
		return nil
	}
	if task, err = vm.PowerOn(ctx); err != nil {
		return err
	}
	if err := wait(ctx, task); err != nil {
		return err
	}
	if state == types.VirtualMachinePowerStateSuspended {
		if task, err = vm.Suspend(ctx); err != nil {
			return err
		}
		return wait(ctx, task)
	}
	return nil
}

// powerState mixes states: 70% on, 20% off, 10% suspended.
func powerState(i int) types.VirtualMachinePowerState {
	switch i % 10 {
	case 0, 5:
		return types.VirtualMachinePowerStatePoweredOff
	case 7:
		return types.VirtualMachinePowerStateSuspended
	}
	return types.VirtualMachinePowerStatePoweredOn
}

func vmIP(i int) string {
	return fmt.Sprintf("10.%d.%d.%d", 20+i/62500, (i/250)%250, i%250+2)
}

func wait(ctx context.Context, task *object.Task) error {
	_, err := waitTask(ctx, task)
	return err
}

// waitTask polls the task's info directly: the simulator's WaitForUpdates batches changes for
// 20 ms, which would make seeding 10,000 VMs take minutes.
func waitTask(ctx context.Context, task *object.Task) (types.ManagedObjectReference, error) {
	pc := property.DefaultCollector(task.Client())
	delay := 50 * time.Microsecond
	for {
		var t mo.Task
		if err := pc.RetrieveOne(ctx, task.Reference(), []string{"info"}, &t); err != nil {
			return types.ManagedObjectReference{}, err
		}
		switch t.Info.State {
		case types.TaskInfoStateSuccess:
			ref, _ := t.Info.Result.(types.ManagedObjectReference)
			return ref, nil
		case types.TaskInfoStateError:
			if t.Info.Error != nil {
				return types.ManagedObjectReference{}, errors.New(t.Info.Error.LocalizedMessage)
			}
			return types.ManagedObjectReference{}, errors.New("task failed")
		}
		select {
		case <-ctx.Done():
			return types.ManagedObjectReference{}, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(delay*2, 5*time.Millisecond)
	}
}
