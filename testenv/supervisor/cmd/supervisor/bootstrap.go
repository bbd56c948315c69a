package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/kubernetes"
)

// applyCRDs applies every *.yaml in dir, after prepare has adjusted each CRD (or left it out by
// reporting false), and waits until all of them are served.
func applyCRDs(ctx context.Context, a *applier, dir string, prepare func(*unstructured.Unstructured) (bool, error)) (int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return 0, err
	}
	if len(files) == 0 {
		return 0, fmt.Errorf("no *.yaml in --crds %s (run crds.sh first)", dir)
	}
	var names []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return 0, err
		}
		objs, err := decodeYAML(f, data)
		if err != nil {
			return 0, err
		}
		for _, o := range objs {
			if o.GetKind() != "CustomResourceDefinition" {
				return 0, fmt.Errorf("%s: %s is not a CustomResourceDefinition", f, o.GetKind())
			}
			keep, err := prepare(o)
			if err != nil {
				return 0, err
			}
			if !keep {
				continue
			}
			if err := a.apply(ctx, o); err != nil {
				return 0, err
			}
			names = append(names, o.GetName())
		}
	}
	return len(names), a.waitEstablished(ctx, names)
}

// applySeed applies the seed manifests in file-name order (namespaces first, demo objects last).
func applySeed(ctx context.Context, a *applier, seed fs.FS) error {
	files, err := fs.Glob(seed, "*.yaml")
	if err != nil {
		return err
	}
	sort.Strings(files)
	return applyFiles(ctx, a, seed, files)
}

// applyFiles applies the named manifests of seed in the order given.
func applyFiles(ctx context.Context, a *applier, seed fs.FS, files []string) error {
	for _, f := range files {
		data, err := fs.ReadFile(seed, f)
		if err != nil {
			return err
		}
		objs, err := decodeYAML(f, data)
		if err != nil {
			return err
		}
		for _, o := range objs {
			if err := a.apply(ctx, o); err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
		}
	}
	return nil
}

// waitToken returns the token the service-account token controller writes into a
// kubernetes.io/service-account-token Secret.
func waitToken(ctx context.Context, kube kubernetes.Interface, namespace, secret string) (string, error) {
	var token string
	err := wait.PollUntilContextTimeout(ctx, 200*time.Millisecond, 60*time.Second, true, func(ctx context.Context) (bool, error) {
		s, err := kube.CoreV1().Secrets(namespace).Get(ctx, secret, metav1.GetOptions{})
		if err != nil {
			return false, nil
		}
		token = strings.TrimSpace(string(s.Data["token"]))
		return token != "", nil
	})
	if err != nil {
		return "", fmt.Errorf("secret %s/%s got no token: %w", namespace, secret, err)
	}
	return token, nil
}
