package main

import (
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"os"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	clusterv1beta1 "sigs.k8s.io/cluster-api/api/core/v1beta1"
	clusterv1 "sigs.k8s.io/cluster-api/api/core/v1beta2"
	"sigs.k8s.io/controller-runtime/pkg/webhook/conversion"
)

// Provider API versions the Supervisor installs; the v1beta1 Cluster API types name templates
// by apiVersion, v1beta2 only by group, so converting back needs this lookup.
var providerVersions = map[string]string{
	"vmware.infrastructure.cluster.x-k8s.io": "v1beta1",
	"infrastructure.cluster.x-k8s.io":        "v1beta1",
	"controlplane.cluster.x-k8s.io":          "v1beta1",
	"bootstrap.cluster.x-k8s.io":             "v1beta1",
}

// conversionServer serves Cluster API's own v1beta1<->v1beta2 conversion, as the Cluster API
// manager does on a real Supervisor, so clients may use either served version.
type conversionServer struct {
	url      string
	caBundle string
}

func startConversionServer(p *pki) (*conversionServer, error) {
	clusterv1beta1.SetAPIVersionGetter(func(gk schema.GroupKind) (string, error) {
		if v, ok := providerVersions[gk.Group]; ok {
			return gk.Group + "/" + v, nil
		}
		return "", fmt.Errorf("no known version for %s", gk)
	})
	scheme := runtime.NewScheme()
	if err := clusterv1beta1.AddToScheme(scheme); err != nil {
		return nil, err
	}
	if err := clusterv1.AddToScheme(scheme); err != nil {
		return nil, err
	}
	cert, err := tls.LoadX509KeyPair(p.WebhookCert, p.WebhookKey)
	if err != nil {
		return nil, err
	}
	// Port 0: the CRDs are (re)applied with the actual address on every start.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/convert", conversion.NewWebhookHandler(scheme, conversion.NewRegistry()))
	srv := &http.Server{Handler: mux, TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}}
	go func() { _ = srv.ServeTLS(ln, "", "") }()

	ca, err := os.ReadFile(p.CACert)
	if err != nil {
		return nil, err
	}
	return &conversionServer{
		url:      "https://" + ln.Addr().String() + "/convert",
		caBundle: base64.StdEncoding.EncodeToString(ca),
	}, nil
}

// useFor points a multi-version Cluster API CRD at the conversion webhook.
func (c *conversionServer) useFor(crd *unstructured.Unstructured) error {
	group, _, _ := unstructured.NestedString(crd.Object, "spec", "group")
	versions, _, _ := unstructured.NestedSlice(crd.Object, "spec", "versions")
	if group != clusterv1.GroupVersion.Group || len(versions) < 2 {
		return nil
	}
	return unstructured.SetNestedField(crd.Object, map[string]any{
		"strategy": "Webhook",
		"webhook": map[string]any{
			"conversionReviewVersions": []any{"v1"},
			"clientConfig":             map[string]any{"url": c.url, "caBundle": c.caBundle},
		},
	}, "spec", "conversion")
}
