package main

import (
	"context"
	"strings"

	"github.com/spf13/pflag"
	"k8s.io/kubernetes/cmd/kube-controller-manager/app"
	"k8s.io/kubernetes/cmd/kube-controller-manager/app/options"
)

// kubeControllers are the core controllers a Supervisor namespace relies on: namespace deletion,
// ownerReference cascades, service-account tokens and ResourceQuota usage. Workload controllers
// (pods, deployments, nodes) stay off because nothing here runs pods.
var kubeControllers = []string{
	"namespace-controller",
	"garbage-collector-controller",
	"serviceaccount-controller",
	"serviceaccount-token-controller",
	"resourcequota-controller",
	"root-ca-certificate-publisher-controller",
	"clusterrole-aggregation-controller",
}

// runControllerManager runs the real kube-controller-manager in this process until ctx ends.
func runControllerManager(ctx context.Context, adminKubeconfig string, p *pki) (<-chan error, error) {
	s, err := options.NewKubeControllerManagerOptions()
	if err != nil {
		return nil, err
	}
	all, disabled, aliases := app.KnownControllers(), app.ControllersDisabledByDefault(), app.ControllerAliases()
	named := s.Flags(all, disabled, aliases)
	fs := pflag.NewFlagSet("kube-controller-manager", pflag.ContinueOnError)
	for _, f := range named.FlagSets {
		fs.AddFlagSet(f)
	}
	args := []string{
		"--kubeconfig=" + adminKubeconfig,
		"--controllers=" + strings.Join(kubeControllers, ","),
		"--leader-elect=false",
		"--use-service-account-credentials=false",
		"--service-account-private-key-file=" + p.SAKey,
		"--root-ca-file=" + p.CACert,
		// No serving endpoint: nothing scrapes its metrics here.
		"--secure-port=0",
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	s.ParsedFlags = &named
	cfg, err := s.Config(ctx, all, disabled, aliases)
	if err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- app.Run(ctx, cfg.Complete()) }()
	return done, nil
}
