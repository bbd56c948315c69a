import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { VsphereEntityService } from '../service/VsphereEntityService';
import { entityRefInput, requireUser, summarizeVm, vmSummary } from './schemas';

/** `power-vm`: powers a VM Service VM on, off or restarts it, as the vSphere tab does. */
export function registerPowerVmAction(
  registry: ActionsRegistryService,
  service: VsphereEntityService,
) {
  registry.register({
    name: 'power-vm',
    title: 'Power a VM Service VM on, off or restart it',
    description:
      "Sets a VM's power state. The VM must be shown by the given entity's vSphere tab and must not be a node of a workload cluster (scale its node pool instead); the caller needs the power permission on the VM's own catalog entity. Powering off or restarting interrupts what runs on it.",
    // off and restart interrupt the VM; a restart twice restarts twice
    attributes: { readOnly: false, destructive: true, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          vm: z.string().min(1).max(253).describe('VM name'),
          action: z.enum(['on', 'off', 'restart']).describe('Power action'),
        }),
      output: z => z.object({ vm: vmSummary(z) }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, ...change } = input;
      requireUser(credentials, `power ${change.action} VM '${change.vm}'`);
      const page = await service.resolvePage(
        service.parseEntityRef(entityRef),
        credentials,
      );
      const vm = await service.powerVm(page, change);
      return { output: { vm: summarizeVm(vm) } };
    },
  });
}
