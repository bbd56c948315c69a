import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** Who started the task, for audit events: a user entity ref or a service subject. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

/**
 * Throws NotAllowedError unless the permission policy allows the initiator the permission;
 * resource permissions are checked against the catalog entity of the object.
 */
export async function authorizeInitiator(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: BasicPermission | ResourcePermission<'catalog-entity'>;
  resourceRef?: string;
  /** What is refused, e.g. `create Supervisor namespace 'team-a'`. */
  what: string;
}): Promise<void> {
  const { permissions, credentials, permission, resourceRef, what } = options;
  const request =
    permission.type === 'resource'
      ? { permission, resourceRef: resourceRef! }
      : { permission: permission as BasicPermission };
  const [decision] = await permissions.authorize([request], { credentials });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed to ${what}: the permission policy denies '${
        permission.name
      }'${resourceRef ? ` on ${resourceRef}` : ''}`,
    );
  }
}
