package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/dynamic"
)

const (
	vmFinalizer = "vmoperator.vmware.com/virtualmachine"
	// How long a new VM takes to be "created" in vCenter, so that waiting can be tested.
	vmCreateDelay = 1500 * time.Millisecond
	// Deleting takes a moment too, so that clients' waits for deletion are exercised.
	vmDeleteDelay = time.Second
)

// vmReconciler does what VM Operator does for a VirtualMachine: create the vSphere VM, follow
// spec.powerState, report uniqueID, IP and conditions, and delete the vSphere VM with it.
type vmReconciler struct {
	dyn   dynamic.Interface
	vc    *vcenter
	cache *controller
	mu    sync.Mutex
	seen  map[types.UID]time.Time // when a VM was first seen new or deleting; guarded by mu
}

// since returns how long ago the VM was first seen in its current phase, noting now if never.
func (r *vmReconciler) since(uid types.UID) time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.seen[uid]; !ok {
		r.seen[uid] = time.Now()
	}
	return time.Since(r.seen[uid])
}

func (r *vmReconciler) forget(uid types.UID) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.seen, uid)
}

func (r *vmReconciler) reconcile(ctx context.Context, ns, name string) (time.Duration, error) {
	vm := r.cache.get(ns, name)
	if vm == nil {
		return 0, nil
	}
	res := r.dyn.Resource(vmGVR).Namespace(ns)
	moref := str(vm, "status", "uniqueID")

	if vm.GetDeletionTimestamp() != nil {
		if wait := vmDeleteDelay - r.since(vm.GetUID()); wait > 0 && moref != "" {
			return wait, nil
		}
		r.forget(vm.GetUID())
		if moref != "" {
			if err := r.vc.destroyVM(ctx, moref); err != nil {
				return 0, fmt.Errorf("delete vSphere VM %s: %w", moref, err)
			}
		}
		return 0, removeFinalizer(ctx, res, vm, vmFinalizer)
	}
	if added, err := addFinalizer(ctx, res, vm, vmFinalizer); added || err != nil {
		return 0, err
	}

	conds := list(vm.Object, "status", "conditions")
	class, classErr := r.dyn.Resource(vmClassGVR).Namespace(ns).Get(ctx, str(vm, "spec", "className"), metav1.GetOptions{})
	image, imageErr := r.image(ctx, vm)
	if classErr != nil || imageErr != nil {
		status := map[string]any{"conditions": []any{
			condition("VirtualMachineClassReady", classErr == nil, reasonOf(classErr), messageOf(classErr), conds),
			condition("VirtualMachineImageReady", imageErr == nil, reasonOf(imageErr), messageOf(imageErr), conds),
			condition("Ready", false, "NotReady", "class or image not available", conds),
		}}
		return 10 * time.Second, mergePatch(ctx, res, name, map[string]any{"status": status}, "status")
	}

	wantOn := str(vm, "spec", "powerState") != "PoweredOff"
	if moref == "" {
		if wait := vmCreateDelay - r.since(vm.GetUID()); wait > 0 {
			return wait, mergePatch(ctx, res, name, map[string]any{"status": map[string]any{"conditions": []any{
				condition("VirtualMachineClassReady", true, "True", "", conds),
				condition("VirtualMachineImageReady", true, "True", "", conds),
				condition("VirtualMachineCreated", false, "Creating", "creating the vSphere VM", conds),
				condition("Ready", false, "Creating", "", conds),
			}}}, "status")
		}
		cpus, _ := num(class, "spec", "hardware", "cpus")
		mem := resource.MustParse("4Gi")
		if m := str(class, "spec", "hardware", "memory"); m != "" {
			mem, _ = resource.ParseQuantity(m)
		}
		r.forget(vm.GetUID())
		sim, err := r.vc.createVM(ctx, vmRequest{
			Namespace: ns, Name: name, CPUs: int32(max(cpus, 1)), MemoryMB: mem.Value() / (1 << 20),
			GuestID: guestID(image), PoweredOn: wantOn,
		})
		if err != nil {
			return 0, err
		}
		return 0, r.writeStatus(ctx, res, vm, sim.Moref, map[string]any{
			"biosUUID": sim.BiosUUID, "instanceUUID": sim.InstanceUUID, "nodeName": sim.Host,
			"network": map[string]any{"hostName": name, "primaryIP4": sim.IP},
		}, wantOn)
	}

	if (str(vm, "status", "powerState") == "PoweredOn") != wantOn {
		if err := r.vc.setPower(ctx, moref, wantOn); err != nil {
			return 0, err
		}
		network := map[string]any{"hostName": name, "primaryIP4": nil}
		if wantOn {
			network["primaryIP4"] = ipFor(moref)
		}
		return 0, r.writeStatus(ctx, res, vm, moref, map[string]any{"network": network}, wantOn)
	}
	return 0, nil
}

func (r *vmReconciler) writeStatus(ctx context.Context, res dynamic.ResourceInterface, vm *unstructured.Unstructured, moref string, extra map[string]any, on bool) error {
	conds := list(vm.Object, "status", "conditions")
	power := "PoweredOff"
	if on {
		power = "PoweredOn"
	}
	status := map[string]any{
		"uniqueID":   moref,
		"powerState": power,
		"class": map[string]any{
			"apiVersion": vmoperatorAPI, "kind": "VirtualMachineClass", "name": str(vm, "spec", "className"),
		},
		"conditions": []any{
			condition("VirtualMachineClassReady", true, "True", "", conds),
			condition("VirtualMachineImageReady", true, "True", "", conds),
			condition("VirtualMachineCreated", true, "True", "", conds),
			condition("Ready", true, "True", "", conds),
		},
	}
	for k, v := range extra {
		status[k] = v
	}
	return mergePatch(ctx, res, vm.GetName(), map[string]any{"status": status}, "status")
}

// image resolves spec.image (or the older spec.imageName) to a namespace or cluster image.
func (r *vmReconciler) image(ctx context.Context, vm *unstructured.Unstructured) (*unstructured.Unstructured, error) {
	name, kind := str(vm, "spec", "image", "name"), str(vm, "spec", "image", "kind")
	if name == "" {
		name = str(vm, "spec", "imageName")
	}
	if kind != "ClusterVirtualMachineImage" {
		img, err := r.dyn.Resource(vmImageGVR).Namespace(vm.GetNamespace()).Get(ctx, name, metav1.GetOptions{})
		if err == nil || kind == "VirtualMachineImage" {
			return img, err
		}
	}
	return r.dyn.Resource(cvmImageGVR).Get(ctx, name, metav1.GetOptions{})
}

// guestID takes the guest OS from the image, as vCenter does from the OVF.
func guestID(image *unstructured.Unstructured) string {
	if id := str(image, "status", "osInfo", "type"); id != "" {
		return id
	}
	return "otherLinux64Guest"
}

func reasonOf(err error) string {
	switch {
	case err == nil:
		return "True"
	case apierrors.IsNotFound(err):
		return "NotFound"
	}
	return "Error"
}

func messageOf(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
