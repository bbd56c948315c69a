package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"github.com/backstage-vsphere/testenv/supervisor/manifests"
)

func TestSeedManifestsDecode(t *testing.T) {
	files, _ := fs.Glob(manifests.Seed, "*.yaml")
	if len(files) == 0 {
		t.Fatal("no seed manifests embedded")
	}
	for _, f := range files {
		data, _ := fs.ReadFile(manifests.Seed, f)
		objs, err := decodeYAML(f, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range objs {
			if o.GetAPIVersion() == "" || o.GetKind() == "" || o.GetName() == "" {
				t.Errorf("%s: document without apiVersion, kind or name: %v", f, o.Object)
			}
		}
	}
}

func TestSupervisor2SeedDecodesAndSharesExistingFiles(t *testing.T) {
	own, _ := fs.Glob(manifests.Supervisor2, "supervisor2/*.yaml")
	if len(own) == 0 {
		t.Fatal("no supervisor2 manifests embedded")
	}
	for _, f := range own {
		data, _ := fs.ReadFile(manifests.Supervisor2, f)
		if _, err := decodeYAML(f, data); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range manifests.Supervisor2Shared {
		if _, err := fs.ReadFile(manifests.Seed, f); err != nil {
			t.Errorf("shared seed file %s: %v", f, err)
		}
	}
}

func TestDecodeYAMLSkipsEmptyDocuments(t *testing.T) {
	objs, err := decodeYAML("x", []byte("---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n"))
	if err != nil || len(objs) != 1 || objs[0].GetName() != "a" {
		t.Fatalf("got %v, %v", objs, err)
	}
}

func TestConversionWebhookOnlyForMultiVersionClusterAPI(t *testing.T) {
	c := &conversionServer{url: "https://127.0.0.1:1/convert", caBundle: "Q0E="}
	crd := func(group string, versions ...string) *unstructured.Unstructured {
		var vs []any
		for _, v := range versions {
			vs = append(vs, map[string]any{"name": v})
		}
		return &unstructured.Unstructured{Object: map[string]any{"spec": map[string]any{"group": group, "versions": vs}}}
	}
	capi := crd("cluster.x-k8s.io", "v1beta1", "v1beta2")
	vmop := crd("vmoperator.vmware.com", "v1alpha4", "v1alpha5")
	for _, o := range []*unstructured.Unstructured{capi, vmop} {
		if err := c.useFor(o); err != nil {
			t.Fatal(err)
		}
	}
	if s, _, _ := unstructured.NestedString(capi.Object, "spec", "conversion", "strategy"); s != "Webhook" {
		t.Errorf("Cluster API CRD strategy = %q, want Webhook", s)
	}
	if _, found, _ := unstructured.NestedMap(vmop.Object, "spec", "conversion"); found {
		t.Error("VM Operator CRD got a conversion webhook")
	}
}

func TestPKIKeepsCAAndSigningKeyAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	if _, err := ensurePKI(dir); err != nil {
		t.Fatal(err)
	}
	read := func(p string) []byte { b, _ := os.ReadFile(filepath.Join(dir, p)); return b }
	ca, sa, serving := read("ca.pem"), read("pki/sa-key.pem"), read("pki/apiserver.pem")
	if _, err := ensurePKI(dir); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ca, read("ca.pem")) || !bytes.Equal(sa, read("pki/sa-key.pem")) {
		t.Error("CA or service-account key changed on restart")
	}
	if bytes.Equal(serving, read("pki/apiserver.pem")) {
		t.Error("serving certificate was not reissued")
	}
}
