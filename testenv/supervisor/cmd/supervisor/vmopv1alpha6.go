package main

// The VirtualMachine fields VM Operator's v1alpha6 adds to v1alpha5, as its API reference
// (docs/ref/api/v1alpha6.md) and types (api/v1alpha6) describe them. Written here, not copied:
// only the fields a client of this stand-in may write or read; README.md lists what is left out.
// VirtualMachineClass, VirtualMachineImage and ClusterVirtualMachineImage have the same schema
// in v1alpha5 and v1alpha6.

type schemaAddition struct {
	parent []string // path of the object schema (in openAPIV3Schema) that gains the field
	name   string
	schema map[string]any
}

// quantity is a resource.Quantity: an integer or a string such as "4", "8Gi".
func quantity() map[string]any {
	return map[string]any{
		"anyOf":                      []any{map[string]any{"type": "integer"}, map[string]any{"type": "string"}},
		"x-kubernetes-int-or-string": true,
		"pattern":                    `^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$`,
	}
}

// cpuMemory is a pair of quantities; v1alpha6 refuses a milli-CPU value.
func cpuMemory() map[string]any {
	cpu := quantity()
	cpu["x-kubernetes-validations"] = []any{map[string]any{
		"rule":    "type(self) != string || !self.endsWith('m')",
		"message": "CPU must be a whole number; the 'm' (milli) suffix is not supported",
	}}
	return map[string]any{"type": "object", "properties": map[string]any{"cpu": cpu, "memory": quantity()}}
}

func object(properties map[string]any) map[string]any {
	return map[string]any{"type": "object", "properties": properties}
}

// freeForm is an object whose contents the stand-in keeps without checking them.
func freeForm() map[string]any {
	return map[string]any{"type": "object", "x-kubernetes-preserve-unknown-fields": true}
}

var (
	specPath              = []string{"properties", "spec"}
	bootstrapPath         = []string{"properties", "spec", "properties", "bootstrap"}
	networkPath           = []string{"properties", "spec", "properties", "network"}
	interfacePath         = []string{"properties", "spec", "properties", "network", "properties", "interfaces", "items"}
	statusCPUPath         = []string{"properties", "status", "properties", "hardware", "properties", "cpu"}
	statusMemoryPath      = []string{"properties", "status", "properties", "hardware", "properties", "memory"}
	vmopV1alpha6Additions = []schemaAddition{
		// Per-VM compute that overrides the class: size (guest vCPUs and memory), requests
		// (reservations), limits.
		{specPath, "resources", object(map[string]any{"size": cpuMemory(), "requests": cpuMemory(), "limits": cpuMemory()})},
		{specPath, "cpuAdvanced", freeForm()},
		{specPath, "memoryAdvanced", freeForm()},
		{specPath, "volumeAttributesClassName", map[string]any{"type": "string"}},
		// Bootstrap may be switched off while a provider stays configured.
		{bootstrapPath, "disabled", map[string]any{"type": "boolean"}},
		{networkPath, "vlans", map[string]any{"type": "array", "items": map[string]any{
			"type":     "object",
			"required": []any{"id", "link", "name"},
			"properties": map[string]any{
				"name": map[string]any{"type": "string", "maxLength": int64(15)},
				"id":   map[string]any{"type": "integer", "format": "int64"},
				"link": map[string]any{"type": "string"},
			},
		}}},
		{interfacePath, "type", map[string]any{"type": "string", "enum": []any{"VMXNet3", "SRIOV", "E1000", "E1000e", "VMXNet2", "PCNet32"}}},
		{interfacePath, "ipamModes", map[string]any{"type": "array", "items": map[string]any{"type": "string"}}},
		{statusCPUPath, "limit", map[string]any{"type": "integer", "format": "int64"}},
		{statusMemoryPath, "limit", quantity()},
	}
)
