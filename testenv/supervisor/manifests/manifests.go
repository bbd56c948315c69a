// Package manifests holds the seed the supervisor applies after its CRDs: storage classes,
// VM classes and images, RBAC for the plugin, and the demo namespaces with VMs and a cluster;
// in workload/, the seed of the workload cluster API server (reader account, demo pods); and in
// supervisor2/, the seed of a second Supervisor on the same vCenter (namespace team-b with a VM).
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

// Supervisor2 holds supervisor2/*.yaml, a second Supervisor's own namespace, class, image, quota and VM.
//
//go:embed supervisor2/*.yaml
var Supervisor2 embed.FS

// Supervisor2Shared are the files of Seed a second Supervisor applies too, before its own.
var Supervisor2Shared = []string{"10-storage-classes.yaml", "40-rbac.yaml"}
