package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"slices"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/client-go/dynamic"
)

// Labels and annotations a Supervisor puts on the Kubernetes namespace of a vSphere namespace.
const (
	clusterIDLabel          = "vSphereClusterID"
	resourcePoolAnnotation  = "vmware-system-resource-pool"
	vmFolderAnnotation      = "vmware-system-vm-folder"
	namespaceDetailInterval = 15 * time.Second
)

// vcNamespace is the part of a vCenter namespace (list entry and detail) used here. vCenter
// versions differ in key casing, hence the tolerant memory field below.
type vcNamespace struct {
	Cluster       string `json:"cluster"`
	Namespace     string `json:"namespace"`
	VMServiceSpec struct {
		VMClasses        []string `json:"vm_classes"`
		ContentLibraries []string `json:"content_libraries"`
	} `json:"vm_service_spec"`
}

type vcVMClass struct {
	ID          string `json:"id"`
	CPUCount    int64  `json:"cpu_count"`
	MemoryMB    int64  `json:"memory_mb"`
	MemoryMBAlt int64  `json:"memory_MB"`
	Description string `json:"description"`
	// Reservations are percentages of the class's CPU and memory.
	CPUReservation    int64 `json:"cpu_reservation"`
	MemoryReservation int64 `json:"memory_reservation"`
}

// namespaceSync mirrors vCenter's Supervisor namespaces into Kubernetes, as the Supervisor does:
// it creates and deletes the Kubernetes namespaces and publishes the assigned VM classes and
// the ClusterClass into them.
type namespaceSync struct {
	dyn          dynamic.Interface
	vc           *vcenter
	clusterClass *unstructured.Unstructured
	lastDetail   map[string]time.Time
	// cluster: the vCenter cluster of this Supervisor; another Supervisor's namespaces are not ours
	cluster string
}

func (s *namespaceSync) run(ctx context.Context) {
	s.lastDetail = map[string]time.Time{}
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		if err := s.sync(ctx); err != nil && ctx.Err() == nil {
			fmt.Fprintln(os.Stderr, "namespaces:", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (s *namespaceSync) sync(ctx context.Context) error {
	var instances []vcNamespace
	if err := s.vc.getJSON(ctx, "/api/vcenter/namespaces/instances", &instances); err != nil {
		return err
	}
	present := map[string]bool{}
	for _, inst := range instances {
		if s.cluster != "" && inst.Cluster != s.cluster {
			continue
		}
		present[inst.Namespace] = true
		if err := s.ensure(ctx, inst); err != nil {
			return fmt.Errorf("%s: %w", inst.Namespace, err)
		}
	}
	// Only namespaces that came from vCenter (labelled) are removed with it.
	nss, err := s.dyn.Resource(namespaceGVR).List(ctx, metav1.ListOptions{LabelSelector: clusterIDLabel})
	if err != nil {
		return err
	}
	for _, ns := range nss.Items {
		if !present[ns.GetName()] && ns.GetDeletionTimestamp() == nil {
			if err := s.dyn.Resource(namespaceGVR).Delete(ctx, ns.GetName(), metav1.DeleteOptions{}); err != nil && !apierrors.IsNotFound(err) {
				return err
			}
			delete(s.lastDetail, ns.GetName())
		}
	}
	return nil
}

// ensure creates or labels the Kubernetes namespace, then refreshes its VM classes now and then.
func (s *namespaceSync) ensure(ctx context.Context, inst vcNamespace) error {
	res := s.dyn.Resource(namespaceGVR)
	ns, err := res.Get(ctx, inst.Namespace, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		ns = &unstructured.Unstructured{Object: map[string]any{
			"apiVersion": "v1", "kind": "Namespace", "metadata": map[string]any{"name": inst.Namespace},
		}}
		ns, err = res.Create(ctx, ns, metav1.CreateOptions{FieldManager: fieldManager})
	}
	if err != nil {
		return err
	}
	if ns.GetDeletionTimestamp() != nil {
		return nil
	}
	if ns.GetLabels()[clusterIDLabel] != inst.Cluster || ns.GetAnnotations()[resourcePoolAnnotation] == "" {
		pool, folder, err := s.vc.namespacePlacement(ctx, inst.Namespace)
		if err != nil {
			return err
		}
		if err := mergePatch(ctx, res, inst.Namespace, map[string]any{"metadata": map[string]any{
			"labels": map[string]any{clusterIDLabel: inst.Cluster},
			"annotations": map[string]any{
				resourcePoolAnnotation: pool.Reference().Value, vmFolderAnnotation: folder.Reference().Value,
			},
		}}); err != nil {
			return err
		}
	}
	if time.Since(s.lastDetail[inst.Namespace]) < namespaceDetailInterval {
		return nil
	}
	// The list omits vm_service_spec; the detail has it.
	var detail vcNamespace
	if err := s.vc.getJSON(ctx, "/api/vcenter/namespaces/instances/"+inst.Namespace, &detail); err != nil {
		return err
	}
	if err := s.syncVMClasses(ctx, inst.Namespace, detail.VMServiceSpec.VMClasses); err != nil {
		return err
	}
	if err := s.syncImages(ctx, inst.Namespace, detail.VMServiceSpec.ContentLibraries); err != nil {
		return err
	}
	if err := s.ensureClusterClass(ctx, inst.Namespace); err != nil {
		return err
	}
	s.lastDetail[inst.Namespace] = time.Now()
	return nil
}

// syncVMClasses publishes exactly the VM classes vCenter assigns to the namespace.
func (s *namespaceSync) syncVMClasses(ctx context.Context, ns string, ids []string) error {
	res := s.dyn.Resource(vmClassGVR).Namespace(ns)
	existing, err := res.List(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	for _, c := range existing.Items {
		if !slices.Contains(ids, c.GetName()) {
			if err := res.Delete(ctx, c.GetName(), metav1.DeleteOptions{}); err != nil && !apierrors.IsNotFound(err) {
				return err
			}
		}
	}
	for _, id := range ids {
		if slices.ContainsFunc(existing.Items, func(c unstructured.Unstructured) bool { return c.GetName() == id }) {
			continue
		}
		var info vcVMClass
		if err := s.vc.getJSON(ctx, "/api/vcenter/namespace-management/virtual-machine-classes/"+id, &info); err != nil {
			return err
		}
		mem := max(info.MemoryMB, info.MemoryMBAlt)
		spec := map[string]any{
			"description": info.Description,
			"hardware": map[string]any{
				"cpus": info.CPUCount, "memory": resource.NewQuantity(mem<<20, resource.BinarySI).String(),
			},
		}
		if info.CPUReservation > 0 || info.MemoryReservation > 0 {
			spec["policies"] = map[string]any{"resources": map[string]any{"requests": map[string]any{
				"cpu":    resource.NewMilliQuantity(info.CPUCount*10*info.CPUReservation, resource.DecimalSI).String(),
				"memory": resource.NewQuantity((mem<<20)/100*info.MemoryReservation, resource.BinarySI).String(),
			}}}
		}
		obj := &unstructured.Unstructured{Object: map[string]any{
			"apiVersion": vmoperatorAPI, "kind": "VirtualMachineClass",
			"metadata": map[string]any{"name": id, "namespace": ns},
			"spec":     spec,
		}}
		if _, err := res.Create(ctx, obj, metav1.CreateOptions{FieldManager: fieldManager}); err != nil && !apierrors.IsAlreadyExists(err) {
			return err
		}
	}
	return nil
}

// ensureClusterClass gives every namespace the Supervisor's tanzukubernetescluster ClusterClass.
func (s *namespaceSync) ensureClusterClass(ctx context.Context, ns string) error {
	if s.clusterClass == nil {
		return nil
	}
	res := s.dyn.Resource(classGVR).Namespace(ns)
	if _, err := res.Get(ctx, s.clusterClass.GetName(), metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		return err
	}
	cc := s.clusterClass.DeepCopy()
	cc.SetNamespace(ns)
	_, err := res.Create(ctx, cc, metav1.CreateOptions{FieldManager: fieldManager})
	if apierrors.IsAlreadyExists(err) {
		return nil
	}
	return err
}

// syncImages publishes a VirtualMachineImage per item of the namespace's content libraries, with
// the OVF details VM Operator would read (taken from the cluster image of the same name).
func (s *namespaceSync) syncImages(ctx context.Context, ns string, libraries []string) error {
	want := map[string]bool{}
	for _, lib := range libraries {
		var items struct {
			Value []string `json:"value"`
		}
		if err := s.vc.getJSON(ctx, "/rest/com/vmware/content/library/item?library_id="+url.QueryEscape(lib), &items); err != nil {
			return err
		}
		for _, id := range items.Value {
			var item struct {
				Value struct {
					Name string `json:"name"`
				} `json:"value"`
			}
			if err := s.vc.getJSON(ctx, "/rest/com/vmware/content/library/item/id:"+url.PathEscape(id), &item); err != nil {
				return err
			}
			// Real VM Operator names images vmi-<hash>; here the item name is used when it is a valid name.
			if len(validation.IsDNS1123Subdomain(item.Value.Name)) == 0 {
				want[item.Value.Name] = true
			}
		}
	}
	res := s.dyn.Resource(vmImageGVR).Namespace(ns)
	existing, err := res.List(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	for _, img := range existing.Items {
		if !want[img.GetName()] {
			if err := res.Delete(ctx, img.GetName(), metav1.DeleteOptions{}); err != nil && !apierrors.IsNotFound(err) {
				return err
			}
		}
		delete(want, img.GetName())
	}
	for name := range want {
		img := &unstructured.Unstructured{Object: map[string]any{
			"apiVersion": vmoperatorAPI, "kind": "VirtualMachineImage",
			"metadata": map[string]any{"name": name, "namespace": ns},
			"spec": map[string]any{"providerRef": map[string]any{
				"apiVersion": "imageregistry.vmware.com/v1alpha1", "kind": "ContentLibraryItem", "name": "clitem-" + name,
			}},
		}}
		if _, err := res.Create(ctx, img, metav1.CreateOptions{FieldManager: fieldManager}); err != nil {
			if apierrors.IsAlreadyExists(err) {
				continue
			}
			return err
		}
		status := map[string]any{"name": name, "type": "OVF", "conditions": []any{condition("Ready", true, "Ready", "", nil)}}
		if cvmi, err := s.dyn.Resource(cvmImageGVR).Get(ctx, name, metav1.GetOptions{}); err == nil {
			if st, ok := cvmi.Object["status"].(map[string]any); ok {
				status = st
			}
		}
		if err := mergePatch(ctx, res, name, map[string]any{"status": status}, "status"); err != nil {
			return err
		}
	}
	return nil
}
