import {
  kubectlLoginCommand,
  namespaceClientUrl,
  SupervisorConfig,
  VCenterConfig,
} from '@backstage-vsphere/plugin-vsphere-node';

/** The outputs of `linkOutput`, plus the namespace, that every action gives. */
type LinkName =
  | 'vcenter'
  | 'namespace'
  | 'entityRef'
  | 'vsphereClientUrl'
  | 'kubectlLoginCommand';

/** The part of an action's context that writes outputs: any action with the link outputs fits. */
interface OutputContext {
  output(name: LinkName, value: string): void;
}

/** Where an action's object lives. */
export interface ObjectPlace {
  config: VCenterConfig;
  supervisorConfig: SupervisorConfig;
  namespace: string;
  entityRef: string;
  /** The workload cluster the login command selects; the namespace when omitted. */
  cluster?: string;
  /** The object's own page in the vSphere Client; the namespace's when omitted. */
  vsphereClientUrl?: string;
}

/** Writes where to find the object, the same way in every action. */
export function outputLinks(ctx: OutputContext, place: ObjectPlace): void {
  const { config, namespace } = place;
  ctx.output('vcenter', config.name);
  ctx.output('namespace', namespace);
  ctx.output('entityRef', place.entityRef);
  ctx.output(
    'vsphereClientUrl',
    place.vsphereClientUrl ?? namespaceClientUrl(config, namespace),
  );
  ctx.output(
    'kubectlLoginCommand',
    kubectlLoginCommand(place.supervisorConfig.url, namespace, place.cluster),
  );
}
