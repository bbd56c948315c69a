package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
)

const vmopGroup = "vmoperator.vmware.com"

// derivedVersion is the VM Operator version no obtainable release ships a CRD for; it is made
// from the pinned release's v1alpha5 schema (see vmopV1alpha6Additions and the README).
const derivedVersion, derivedFrom = "v1alpha6", "v1alpha5"

var vmopVersionPattern = regexp.MustCompile(`^v1alpha[1-9]$`)

// parseVMOpVersions reads --vmop-versions: a comma-separated list, empty for every version.
func parseVMOpVersions(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []string
	for _, v := range strings.Split(s, ",") {
		v = strings.TrimSpace(v)
		if !vmopVersionPattern.MatchString(v) {
			return nil, fmt.Errorf("--vmop-versions: %q is not a VM Operator version (v1alpha1..v1alpha9)", v)
		}
		out = append(out, v)
	}
	return out, nil
}

// vmopSelector adjusts VM Operator CRDs to serve the chosen versions, and remembers what it chose
// so that seed manifests written for another version can be applied in a served one.
type vmopSelector struct {
	wanted []string // nil: every version the CRD has, plus the derived one
	served map[string][]string
}

func newVMOpSelector(wanted []string) *vmopSelector {
	return &vmopSelector{wanted: wanted, served: map[string][]string{}}
}

// prepare keeps the wanted versions of a VM Operator CRD (deriving v1alpha6 when asked for and
// missing) and makes the newest kept one the storage version. It reports false for a CRD that
// would serve none of them, which is then not installed.
func (s *vmopSelector) prepare(crd *unstructured.Unstructured) (bool, error) {
	group, _, _ := unstructured.NestedString(crd.Object, "spec", "group")
	if group != vmopGroup {
		return true, nil
	}
	versions, _, _ := unstructured.NestedSlice(crd.Object, "spec", "versions")
	byName := map[string]map[string]any{}
	for _, v := range versions {
		m, _ := v.(map[string]any)
		name, _ := m["name"].(string)
		byName[name] = m
	}
	if _, ok := byName[derivedVersion]; !ok && (s.wanted == nil || slices.Contains(s.wanted, derivedVersion)) {
		if base, ok := byName[derivedFrom]; ok {
			derived, err := deriveV1alpha6(crd, base)
			if err != nil {
				return false, err
			}
			byName[derivedVersion] = derived
		}
	}
	var names []string
	for name := range byName {
		if s.wanted == nil || slices.Contains(s.wanted, name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return false, nil
	}
	// v1alphaN sorts by N for N < 10, as Kubernetes' version priority does.
	slices.Sort(names)
	kept := make([]any, 0, len(names))
	for i, name := range names {
		v := byName[name]
		v["served"] = true
		v["storage"] = i == len(names)-1
		kept = append(kept, v)
	}
	kind, _, _ := unstructured.NestedString(crd.Object, "spec", "names", "kind")
	s.served[kind] = names
	return true, unstructured.SetNestedSlice(crd.Object, kept, "spec", "versions")
}

// seedVersion is the version to apply a seed object of the VM Operator group in: its own when
// served, else the storage version (the seeds use fields all these versions share).
func (s *vmopSelector) seedVersion(obj *unstructured.Unstructured) string {
	gv := strings.SplitN(obj.GetAPIVersion(), "/", 2)
	if len(gv) != 2 || gv[0] != vmopGroup {
		return ""
	}
	served := s.served[obj.GetKind()]
	if len(served) == 0 || slices.Contains(served, gv[1]) {
		return ""
	}
	return served[len(served)-1]
}

// deriveV1alpha6 copies the v1alpha5 version and adds, for VirtualMachine, the v1alpha6 fields
// that vmopV1alpha6Additions lists.
func deriveV1alpha6(crd *unstructured.Unstructured, base map[string]any) (map[string]any, error) {
	v := runtime.DeepCopyJSON(base)
	v["name"] = derivedVersion
	kind, _, _ := unstructured.NestedString(crd.Object, "spec", "names", "kind")
	if kind != "VirtualMachine" {
		return v, nil
	}
	for _, add := range vmopV1alpha6Additions {
		parent := append([]string{"schema", "openAPIV3Schema"}, add.parent...)
		props, found, err := unstructured.NestedMap(v, append(parent, "properties")...)
		if err != nil || !found {
			return nil, fmt.Errorf("deriving %s VirtualMachine: no object at %s in %s", derivedVersion, strings.Join(add.parent, "."), derivedFrom)
		}
		props[add.name] = runtime.DeepCopyJSONValue(add.schema)
		if err := unstructured.SetNestedMap(v, props, append(parent, "properties")...); err != nil {
			return nil, err
		}
	}
	return v, nil
}
