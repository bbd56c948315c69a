import {
  SupervisorEvent,
  SupervisorKubernetesNamespace,
  SupervisorLimitRange,
  SupervisorResourceQuota,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  KubeObject,
  arrayAt,
  assignDefined,
  numberAt,
  stringAt,
  stringMapAt,
  timeAt,
} from './objects';

/**
 * A Namespace object as the common type.
 * @public
 */
export function toSupervisorKubernetesNamespace(
  ns: KubeObject,
): SupervisorKubernetesNamespace {
  return assignDefined<SupervisorKubernetesNamespace>(
    { name: ns.metadata.name, labels: { ...(ns.metadata.labels ?? {}) } },
    {
      phase: stringAt(ns, 'status', 'phase'),
      createdAt: timeAt(ns, 'metadata', 'creationTimestamp'),
    },
  );
}

/**
 * A ResourceQuota object as the common type.
 * @public
 */
export function toSupervisorResourceQuota(
  quota: KubeObject,
): SupervisorResourceQuota {
  return {
    name: quota.metadata.name,
    namespace: quota.metadata.namespace ?? '',
    hard: stringMapAt(quota, 'spec', 'hard'),
    used: stringMapAt(quota, 'status', 'used'),
  };
}

/**
 * A LimitRange object as the common type; entries without a type are dropped.
 * @public
 */
export function toSupervisorLimitRange(
  range: KubeObject,
): SupervisorLimitRange {
  return {
    name: range.metadata.name,
    namespace: range.metadata.namespace ?? '',
    limits: arrayAt(range, 'spec', 'limits').flatMap(item => {
      const type = stringAt(item, 'type');
      return type
        ? [
            {
              type,
              default: stringMapAt(item, 'default'),
              defaultRequest: stringMapAt(item, 'defaultRequest'),
              min: stringMapAt(item, 'min'),
              max: stringMapAt(item, 'max'),
              maxLimitRequestRatio: stringMapAt(item, 'maxLimitRequestRatio'),
            },
          ]
        : [];
    }),
  };
}

/**
 * A core/v1 Event as the common type; newer reporters fill eventTime and series instead of the
 * timestamps and count.
 * @public
 */
export function toSupervisorEvent(event: KubeObject): SupervisorEvent {
  const involvedObject = assignDefined<SupervisorEvent['involvedObject']>(
    {},
    {
      kind: stringAt(event, 'involvedObject', 'kind'),
      name: stringAt(event, 'involvedObject', 'name'),
      apiVersion: stringAt(event, 'involvedObject', 'apiVersion'),
    },
  );
  const firstSeen =
    timeAt(event, 'firstTimestamp') ?? timeAt(event, 'eventTime');
  return assignDefined<SupervisorEvent>(
    {
      name: event.metadata.name,
      namespace: event.metadata.namespace ?? '',
      involvedObject,
    },
    {
      type: stringAt(event, 'type'),
      reason: stringAt(event, 'reason'),
      message: stringAt(event, 'message'),
      count: numberAt(event, 'count') ?? numberAt(event, 'series', 'count'),
      firstSeen,
      lastSeen:
        timeAt(event, 'lastTimestamp') ??
        timeAt(event, 'series', 'lastObservedTime') ??
        firstSeen,
    },
  );
}

/** Newest first: what an entity page shows. */
export function byLastSeenDescending(
  a: SupervisorEvent,
  b: SupervisorEvent,
): number {
  return (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '');
}
