// Package manifests holds the seed the supervisor applies after its CRDs: storage classes,
// VM classes and images, RBAC for the plugin, and the demo namespaces with VMs and a cluster;
// and, in workload/, the seed of the workload cluster API server (reader account, demo pods).
package manifests

import "embed"

// Seed holds the *.yaml files of this folder; they are applied in file-name order.
//
//go:embed *.yaml
var Seed embed.FS

// Workload holds workload/*.yaml, the seed of a workload cluster's API server.
//
//go:embed workload/*.yaml
var Workload embed.FS
