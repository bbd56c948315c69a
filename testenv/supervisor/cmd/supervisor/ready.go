package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"

	"k8s.io/client-go/kubernetes"

	"github.com/backstage-vsphere/testenv/supervisor/manifests"
)

// readyInfo is what <dir>/ready.json tells the testenv script and the tests.
type readyInfo struct {
	URL               string `json:"url"`
	CAFile            string `json:"caFile"`
	TokenFile         string `json:"tokenFile"`
	ReadonlyTokenFile string `json:"readonlyTokenFile"`
	Kubeconfig        string `json:"kubeconfig"`
	AdminKubeconfig   string `json:"adminKubeconfig"`
	PID               int    `json:"pid"`
}

// waitHealthy polls /readyz with the admin identity until the apiserver answers ok.
func waitHealthy(ctx context.Context, kubeconfig string, apiDone <-chan error, timeout time.Duration) (*rest.Config, error) {
	cfg, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		return nil, err
	}
	kube, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, err
	}
	err = wait.PollUntilContextTimeout(ctx, 250*time.Millisecond, timeout, true, func(ctx context.Context) (bool, error) {
		select {
		case err := <-apiDone:
			return false, fmt.Errorf("kube-apiserver exited: %v", err)
		default:
		}
		status := 0
		kube.Discovery().RESTClient().Get().AbsPath("/readyz").Do(ctx).StatusCode(&status)
		return status == http.StatusOK, nil
	})
	if err != nil {
		return nil, fmt.Errorf("kube-apiserver not ready: %w", err)
	}
	// The seed is applied in bursts; the default client limits would slow it down.
	cfg.QPS, cfg.Burst = 200, 400
	return cfg, nil
}

// Where the seed manifests put the plugin's service accounts and their token Secrets.
const (
	accountsNamespace   = "backstage-vsphere-system"
	pluginTokenSecret   = "backstage-vsphere-token"
	readonlyTokenSecret = "backstage-vsphere-readonly-token"
)

// installCRDs starts the conversion webhook and applies the CRDs that use it.
// VM Operator's CRDs serve the versions vmop selects; seed objects follow them.
func installCRDs(ctx context.Context, a *applier, dir string, p *pki, vmop *vmopSelector) error {
	conv, err := startConversionServer(p)
	if err != nil {
		return fmt.Errorf("conversion webhook: %w", err)
	}
	n, err := applyCRDs(ctx, a, dir, func(crd *unstructured.Unstructured) (bool, error) {
		if keep, err := vmop.prepare(crd); !keep || err != nil {
			return keep, err
		}
		return true, conv.useFor(crd)
	})
	if err != nil {
		return err
	}
	a.versionFor = vmop.seedVersion
	fmt.Fprintf(os.Stderr, "supervisor: %d CRDs established; VM Operator serves %v\n", n, vmop.served["VirtualMachine"])
	return nil
}

// bootstrap applies the seed, then writes the plugin's token files and kubeconfig.
func bootstrap(ctx context.Context, c config, a *applier, admin *rest.Config, url string, p *pki) (*readyInfo, error) {
	if err := applySupervisorSeed(ctx, c.seed, a); err != nil {
		return nil, err
	}
	kube, err := kubernetes.NewForConfig(admin)
	if err != nil {
		return nil, err
	}
	info := &readyInfo{
		URL:               url,
		CAFile:            p.CACert,
		TokenFile:         filepath.Join(c.dir, "plugin.token"),
		ReadonlyTokenFile: filepath.Join(c.dir, "readonly.token"),
		Kubeconfig:        filepath.Join(c.dir, "plugin.kubeconfig"),
		PID:               os.Getpid(),
	}
	for file, secret := range map[string]string{info.TokenFile: pluginTokenSecret, info.ReadonlyTokenFile: readonlyTokenSecret} {
		token, err := waitToken(ctx, kube, accountsNamespace, secret)
		if err != nil {
			return nil, err
		}
		if err := writeFileAtomic(file, []byte(token), 0o600); err != nil {
			return nil, err
		}
		if secret == pluginTokenSecret {
			auth := &clientcmdapi.AuthInfo{Token: token}
			if err := writeKubeconfig(info.Kubeconfig, url, p.CACert, "backstage-vsphere", auth); err != nil {
				return nil, err
			}
		}
	}
	return info, nil
}

// applySupervisorSeed applies the first Supervisor's seed, or a second Supervisor's: the shared
// storage classes and plugin accounts, then its own namespace and objects.
func applySupervisorSeed(ctx context.Context, seed string, a *applier) error {
	switch seed {
	case "supervisor":
		return applySeed(ctx, a, manifests.Seed)
	case "supervisor2":
		own, err := fs.Sub(manifests.Supervisor2, "supervisor2")
		if err != nil {
			return err
		}
		files, err := fs.Glob(own, "*.yaml")
		if err != nil {
			return err
		}
		// one file-name order over both sets, so that the namespaces come before the accounts in them
		files = append(files, manifests.Supervisor2Shared...)
		sort.Strings(files)
		for _, f := range files {
			from := own
			if slices.Contains(manifests.Supervisor2Shared, f) {
				from = manifests.Seed
			}
			if err := applyFiles(ctx, a, from, []string{f}); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("--seed %q: must be supervisor or supervisor2", seed)
}

// bootstrapWorkload applies the workload cluster's seed and writes its reader token file.
func bootstrapWorkload(ctx context.Context, c config, a *applier, admin *rest.Config, url string, p *pki) (*readyInfo, error) {
	seed, err := fs.Sub(manifests.Workload, "workload")
	if err != nil {
		return nil, err
	}
	if err := applySeed(ctx, a, seed); err != nil {
		return nil, err
	}
	kube, err := kubernetes.NewForConfig(admin)
	if err != nil {
		return nil, err
	}
	token, err := waitToken(ctx, kube, "backstage-system", "backstage-kubernetes-reader-token")
	if err != nil {
		return nil, err
	}
	info := &readyInfo{
		URL:               url,
		CAFile:            p.CACert,
		ReadonlyTokenFile: filepath.Join(c.dir, "reader.token"),
		PID:               os.Getpid(),
	}
	return info, writeFileAtomic(info.ReadonlyTokenFile, []byte(token), 0o600)
}

func writeReady(file string, info *readyInfo) error {
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(file, append(data, '\n'), 0o644)
}
