package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/dynamic"
)

// workloadEndpoint is a cluster whose control plane is testenv's workload API server, so that
// clients of the cluster (Backstage's Kubernetes plugin) talk to a real one.
type workloadEndpoint struct {
	namespace, name, host string
	port                  int64
	caPEM                 []byte
}

func readWorkloadEndpoint(o options) (*workloadEndpoint, error) {
	if o.workloadCluster == "" {
		return nil, nil
	}
	ns, name, ok := strings.Cut(o.workloadCluster, "/")
	if !ok || o.workloadURL == "" || o.workloadCA == "" {
		return nil, fmt.Errorf("--workload-cluster <namespace>/<name> needs --workload-url and --workload-ca")
	}
	u, err := url.Parse(o.workloadURL)
	if err != nil {
		return nil, fmt.Errorf("--workload-url: %w", err)
	}
	host, portText, err := net.SplitHostPort(u.Host)
	if err != nil {
		return nil, fmt.Errorf("--workload-url: %w", err)
	}
	port, err := strconv.ParseInt(portText, 10, 32)
	if err != nil {
		return nil, fmt.Errorf("--workload-url port: %w", err)
	}
	ca, err := os.ReadFile(o.workloadCA)
	if err != nil {
		return nil, err
	}
	return &workloadEndpoint{namespace: ns, name: name, host: host, port: port, caPEM: ca}, nil
}

func (w *workloadEndpoint) is(cl *unstructured.Unstructured) bool {
	return w != nil && cl.GetNamespace() == w.namespace && cl.GetName() == w.name
}

// publish sets the endpoint and a <cluster>-kubeconfig Secret with the server's CA; it repairs
// both after a restart on other ports.
func (w *workloadEndpoint) publish(ctx context.Context, dyn dynamic.Interface, cl *unstructured.Unstructured) error {
	host := str(cl, "spec", "controlPlaneEndpoint", "host")
	port, _, _ := unstructured.NestedInt64(cl.Object, "spec", "controlPlaneEndpoint", "port")
	if host != w.host || port != w.port {
		if err := mergePatch(ctx, dyn.Resource(clusterGVR).Namespace(w.namespace), w.name, map[string]any{
			"spec": map[string]any{"controlPlaneEndpoint": map[string]any{"host": w.host, "port": w.port}},
		}); err != nil {
			return err
		}
	}
	secrets := dyn.Resource(secretGVR).Namespace(w.namespace)
	secret := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "v1", "kind": "Secret", "type": "cluster.x-k8s.io/secret",
		"metadata": map[string]any{
			"name": w.name + "-kubeconfig", "namespace": w.namespace,
			"labels":          map[string]any{clusterNameLabel: w.name},
			"ownerReferences": []any{ownerRef(cl)},
		},
		"stringData": map[string]any{"value": w.kubeconfig()},
	}}
	existing, err := secrets.Get(ctx, secret.GetName(), metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		_, err = secrets.Create(ctx, secret, metav1.CreateOptions{FieldManager: fieldManager})
		return err
	}
	if err != nil {
		return err
	}
	data, _, _ := unstructured.NestedString(existing.Object, "data", "value")
	if decoded, _ := base64.StdEncoding.DecodeString(data); string(decoded) == w.kubeconfig() {
		return nil
	}
	secret.SetResourceVersion(existing.GetResourceVersion())
	_, err = secrets.Update(ctx, secret, metav1.UpdateOptions{FieldManager: fieldManager})
	return err
}

// kubeconfig has a workload cluster admin kubeconfig's shape with the CA pinned; the admin
// token is a placeholder: readers get their own service account's token from the testenv.
func (w *workloadEndpoint) kubeconfig() string {
	return fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: %[1]s
  cluster:
    server: https://%[2]s
    certificate-authority-data: %[3]s
contexts:
- name: %[1]s-admin@%[1]s
  context:
    cluster: %[1]s
    user: %[1]s-admin
current-context: %[1]s-admin@%[1]s
users:
- name: %[1]s-admin
  user:
    token: placeholder-token-of-the-testenv
`, w.name, net.JoinHostPort(w.host, strconv.FormatInt(w.port, 10)), base64.StdEncoding.EncodeToString(w.caPEM))
}
