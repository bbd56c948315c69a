import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  ANNOTATION_NAMESPACE_OWNER,
  vsphereClusterCreatePermission,
  vsphereNamespaceDeletePermission,
  vsphereNamespaceUpdatePermission,
  vsphereNodePoolCreatePermission,
  vsphereNodePoolDeletePermission,
  vsphereNodePoolScalePermission,
  vsphereVmCreatePermission,
  vsphereVmPowerPermission,
} from '@backstage-vsphere/plugin-vsphere-common';

/** Every change to an existing object: each is checked on that object's catalog entity. */
const OWNERS_ONLY = new Set(
  [
    vsphereNodePoolScalePermission,
    vsphereNodePoolCreatePermission,
    vsphereNodePoolDeletePermission,
    vsphereVmPowerPermission,
    vsphereVmCreatePermission,
    vsphereClusterCreatePermission,
    vsphereNamespaceUpdatePermission,
    vsphereNamespaceDeletePermission,
  ].map(p => p.name),
);

/**
 * Demo policy: everyone may view and create Supervisor namespaces; every other change is for the
 * owners of the object it changes, or of the Supervisor namespace it is in.
 */
export class VspherePermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!OWNERS_ONLY.has(request.permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!isResourcePermission(request.permission, 'catalog-entity')) {
      return { result: AuthorizeResult.DENY };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    return createCatalogConditionalDecision(request.permission, {
      anyOf: [
        catalogConditions.isEntityOwner({ claims }),
        // the catalog module writes the namespace's owner from vCenter on what is in it
        ...claims.map(claim =>
          catalogConditions.hasAnnotation({
            annotation: ANNOTATION_NAMESPACE_OWNER,
            value: claim,
          }),
        ),
      ],
    });
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'vsphere-demo-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new VspherePermissionPolicy());
      },
    });
  },
});
