import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_MOREF,
  ANNOTATION_SUPERVISOR,
} from '@backstage-vsphere/plugin-vsphere-common';
import { SupervisorRecord } from '../inventory/types';
import {
  EntityContext,
  baseAnnotations,
  nameOf,
  resourceEntity,
} from './common';

/** A configured Supervisor, owned by the default owner: the platform team runs it. */
export function supervisorEntity(
  context: EntityContext,
  supervisor: SupervisorRecord,
): Entity {
  return resourceEntity(
    {
      name: nameOf(context, {
        kind: 'supervisor',
        supervisor: supervisor.name,
      }),
      title: `${supervisor.name} (${context.vcenter.name})`,
      description: `vSphere Supervisor '${supervisor.name}' on cluster ${supervisor.cluster} of vCenter '${context.vcenter.name}'`,
      annotations: {
        ...baseAnnotations(context),
        [ANNOTATION_SUPERVISOR]: supervisor.name,
        [ANNOTATION_MOREF]: supervisor.cluster,
      },
      tags: ['vsphere', 'supervisor'],
      links: [
        {
          url: context.vcenter.clientBaseUrl,
          title: 'vSphere Client',
          icon: 'dashboard',
        },
      ],
    },
    {
      type: 'vsphere-supervisor',
      owner: context.config.defaultOwner,
      system: context.config.system,
    },
  );
}
