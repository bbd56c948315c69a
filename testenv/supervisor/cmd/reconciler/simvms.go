package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/vmware/govmomi/fault"
	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/property"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// vmRequest describes the simulator VM that backs one VM Service VirtualMachine.
type vmRequest struct {
	Namespace, Name string
	CPUs            int32
	MemoryMB        int64
	GuestID         string
	PoweredOn       bool
}

// simVM is what the Kubernetes status needs to know about a simulator VM.
type simVM struct {
	Moref, BiosUUID, InstanceUUID, Host, IP string
}

// wcpCluster finds this Supervisor's cluster: the one --supervisor-cluster names, else the first
// named WCP-* (the namespace APIs only know clusters named so).
func (v *vcenter) wcpCluster(ctx context.Context) (*object.ClusterComputeResource, error) {
	clusters, err := v.finder.ClusterComputeResourceList(ctx, "*")
	if err != nil {
		return nil, err
	}
	for _, c := range clusters {
		if v.clusterID != "" && c.Reference().Value == v.clusterID {
			return c, nil
		}
		if v.clusterID == "" && strings.HasPrefix(c.Name(), "WCP-") {
			return c, nil
		}
	}
	if v.clusterID != "" {
		return nil, fmt.Errorf("no cluster %s in the simulator", v.clusterID)
	}
	return nil, errors.New("no WCP-* cluster in the simulator")
}

// namespacePlacement returns the resource pool and VM folder of a Supervisor namespace,
// creating them as vCenter does when a namespace is created (Namespaces/<ns> under both).
// The result is kept per namespace: each lookup lists inventory folders, which at 10,000 VMs costs
// seconds per VM; nothing in the testenv removes a namespace's pool or folder.
func (v *vcenter) namespacePlacement(ctx context.Context, ns string) (*object.ResourcePool, *object.Folder, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if p, ok := v.placements[ns]; ok {
		return p.pool, p.folder, nil
	}
	pool, folder, err := v.lookupPlacement(ctx, ns)
	if err == nil {
		v.placements[ns] = placement{pool: pool, folder: folder}
	}
	return pool, folder, err
}

// forgetPlacement drops a namespace's cached pool and folder after a failed create, so that the
// next attempt looks them up again.
func (v *vcenter) forgetPlacement(ns string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	delete(v.placements, ns)
}

func (v *vcenter) lookupPlacement(ctx context.Context, ns string) (*object.ResourcePool, *object.Folder, error) {
	cluster, err := v.wcpCluster(ctx)
	if err != nil {
		return nil, nil, err
	}
	root, err := cluster.ResourcePool(ctx)
	if err != nil {
		return nil, nil, err
	}
	nsPools, err := v.childPool(ctx, root, cluster.InventoryPath+"/Resources/Namespaces", "Namespaces")
	if err != nil {
		return nil, nil, err
	}
	pool, err := v.childPool(ctx, nsPools, nsPools.InventoryPath+"/"+ns, ns)
	if err != nil {
		return nil, nil, err
	}
	folders, err := v.finder.DefaultFolder(ctx)
	if err != nil {
		return nil, nil, err
	}
	nsFolders, err := v.childFolder(ctx, folders, folders.InventoryPath+"/Namespaces", "Namespaces")
	if err != nil {
		return nil, nil, err
	}
	folder, err := v.childFolder(ctx, nsFolders, nsFolders.InventoryPath+"/"+ns, ns)
	return pool, folder, err
}

func (v *vcenter) childPool(ctx context.Context, parent *object.ResourcePool, path, name string) (*object.ResourcePool, error) {
	p, err := v.finder.ResourcePool(ctx, path)
	if _, missing := err.(*find.NotFoundError); missing {
		if p, err = parent.Create(ctx, name, types.DefaultResourceConfigSpec()); err == nil {
			p.InventoryPath = path
		}
	}
	return p, err
}

func (v *vcenter) childFolder(ctx context.Context, parent *object.Folder, path, name string) (*object.Folder, error) {
	f, err := v.finder.Folder(ctx, path)
	if _, missing := err.(*find.NotFoundError); missing {
		if f, err = parent.CreateFolder(ctx, name); err == nil {
			f.InventoryPath = path
		}
	}
	return f, err
}

// createVM creates, addresses and (if asked) powers on a VM, as VM Operator would through vCenter.
func (v *vcenter) createVM(ctx context.Context, r vmRequest) (*simVM, error) {
	pool, folder, err := v.namespacePlacement(ctx, r.Namespace)
	if err != nil {
		return nil, fmt.Errorf("placement for namespace %s: %w", r.Namespace, err)
	}
	vm, err := v.createIn(ctx, pool, folder, r)
	if err != nil {
		v.forgetPlacement(r.Namespace)
	}
	return vm, err
}

func (v *vcenter) createIn(ctx context.Context, pool *object.ResourcePool, folder *object.Folder, r vmRequest) (*simVM, error) {
	// Reuse a VM left by an earlier attempt whose status update failed, instead of a duplicate.
	// FindChild asks for one name in the folder; a path lookup would list all its VMs.
	existing, err := object.NewSearchIndex(v.vim).FindChild(ctx, folder, r.Name)
	if err != nil {
		return nil, err
	}
	if existing != nil {
		return v.describe(ctx, object.NewVirtualMachine(v.vim, existing.Reference()))
	}
	ds, devices, err := v.vmDefaults(ctx)
	if err != nil {
		return nil, err
	}
	change, err := devices.ConfigSpec(types.VirtualDeviceConfigSpecOperationAdd)
	if err != nil {
		return nil, err
	}
	spec := types.VirtualMachineConfigSpec{
		Name:         r.Name,
		GuestId:      r.GuestID,
		NumCPUs:      r.CPUs,
		MemoryMB:     r.MemoryMB,
		Annotation:   fmt.Sprintf("VM Service VirtualMachine %s/%s", r.Namespace, r.Name),
		Files:        &types.VirtualMachineFileInfo{VmPathName: fmt.Sprintf("[%s]", ds.Name())},
		DeviceChange: change,
		// VM Service VMs are managed by the Supervisor (WCP), which the vSphere Client shows.
		ManagedBy: &types.ManagedByInfo{ExtensionKey: "com.vmware.vcenter.wcp", Type: "VirtualMachine"},
	}
	task, err := folder.CreateVM(ctx, spec, pool, nil)
	if err != nil {
		return nil, err
	}
	info, err := task.WaitForResult(ctx)
	if err != nil {
		return nil, fmt.Errorf("create VM %s: %w", r.Name, err)
	}
	vm := object.NewVirtualMachine(v.vim, info.Result.(types.ManagedObjectReference))
	ip := ipFor(vm.Reference().Value)

	// "SET.<property>" is the simulator's hook for what VMware Tools would report.
	task, err = vm.Reconfigure(ctx, types.VirtualMachineConfigSpec{ExtraConfig: []types.BaseOptionValue{
		&types.OptionValue{Key: "SET.guest.ipAddress", Value: ip},
		&types.OptionValue{Key: "SET.guest.hostName", Value: r.Name},
	}})
	if err == nil {
		err = task.Wait(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("address VM %s: %w", r.Name, err)
	}
	if r.PoweredOn {
		if err := v.setPower(ctx, vm.Reference().Value, true); err != nil {
			return nil, err
		}
	}
	return v.describe(ctx, vm)
}

// vmDefaults returns the datastore and NIC every new VM gets, looked up once.
func (v *vcenter) vmDefaults(ctx context.Context) (*object.Datastore, object.VirtualDeviceList, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.datastore != nil {
		return v.datastore, v.devices, nil
	}
	ds, err := v.clusterDatastore(ctx)
	if err != nil {
		return nil, nil, err
	}
	var devices object.VirtualDeviceList
	if net, err := v.finder.Network(ctx, "Workload-Network"); err == nil {
		backing, err := net.EthernetCardBackingInfo(ctx)
		if err != nil {
			return nil, nil, err
		}
		nic, err := devices.CreateEthernetCard("vmxnet3", backing)
		if err != nil {
			return nil, nil, err
		}
		devices = append(devices, nic)
	}
	v.datastore, v.devices = ds, devices
	return ds, devices, nil
}

// clusterDatastore is vsanDatastore when this Supervisor's cluster has it, else the cluster's first
// datastore: a VM's files must be on a datastore its cluster's hosts see.
func (v *vcenter) clusterDatastore(ctx context.Context) (*object.Datastore, error) {
	cluster, err := v.wcpCluster(ctx)
	if err != nil {
		return nil, err
	}
	var cr mo.ClusterComputeResource
	if err := cluster.Properties(ctx, cluster.Reference(), []string{"datastore"}, &cr); err != nil {
		return nil, err
	}
	if len(cr.Datastore) == 0 {
		return nil, fmt.Errorf("cluster %s has no datastore", cluster.Name())
	}
	var stores []mo.Datastore
	if err := property.DefaultCollector(v.vim).Retrieve(ctx, cr.Datastore, []string{"name"}, &stores); err != nil {
		return nil, err
	}
	pick := stores[0]
	for _, s := range stores {
		if s.Name == "vsanDatastore" {
			pick = s
		}
	}
	ds := object.NewDatastore(v.vim, pick.Reference())
	ds.InventoryPath = pick.Name // Name() reads the last element of the path
	return ds, nil
}

// describe reads the ids and placement the Kubernetes status reports.
func (v *vcenter) describe(ctx context.Context, vm *object.VirtualMachine) (*simVM, error) {
	out := &simVM{Moref: vm.Reference().Value, IP: ipFor(vm.Reference().Value)}
	var props mo.VirtualMachine
	if err := vm.Properties(ctx, vm.Reference(), []string{"config.uuid", "config.instanceUuid", "runtime.host"}, &props); err != nil {
		return nil, err
	}
	out.BiosUUID, out.InstanceUUID = props.Config.Uuid, props.Config.InstanceUuid
	if props.Runtime.Host != nil {
		var host mo.HostSystem
		if err := property.DefaultCollector(v.vim).RetrieveOne(ctx, *props.Runtime.Host, []string{"name"}, &host); err == nil {
			out.Host = host.Name
		}
	}
	return out, nil
}

// setPower powers a VM on or off; being in the wanted state already is fine.
func (v *vcenter) setPower(ctx context.Context, moref string, on bool) error {
	vm := object.NewVirtualMachine(v.vim, types.ManagedObjectReference{Type: "VirtualMachine", Value: moref})
	state, err := vm.PowerState(ctx)
	if err != nil {
		return err
	}
	want := types.VirtualMachinePowerStatePoweredOff
	if on {
		want = types.VirtualMachinePowerStatePoweredOn
	}
	if state == want {
		return nil
	}
	var task *object.Task
	if on {
		task, err = vm.PowerOn(ctx)
	} else {
		task, err = vm.PowerOff(ctx)
	}
	if err != nil {
		return err
	}
	return task.Wait(ctx)
}

// destroyVM powers off and deletes a VM; a VM that is already gone counts as deleted.
func (v *vcenter) destroyVM(ctx context.Context, moref string) error {
	vm := object.NewVirtualMachine(v.vim, types.ManagedObjectReference{Type: "VirtualMachine", Value: moref})
	if err := v.setPower(ctx, moref, false); err != nil {
		if fault.Is(err, &types.ManagedObjectNotFound{}) {
			return nil
		}
		return err
	}
	task, err := vm.Destroy(ctx)
	if err == nil {
		err = task.Wait(ctx)
	}
	if fault.Is(err, &types.ManagedObjectNotFound{}) {
		return nil
	}
	return err
}

// ipFor derives a stable, unique workload-network address from the VM's managed object id.
func ipFor(moref string) string {
	n, _ := strconv.Atoi(strings.TrimPrefix(moref, "vm-"))
	return fmt.Sprintf("10.244.%d.%d", (n/250)%250, n%250+2)
}
