import { useCallback, useEffect, useReducer, useState } from 'react';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  EntityOverview,
  VmServiceVm,
  WorkloadCluster,
  vsphereNamespaceChannel,
} from '@backstage-vsphere/plugin-vsphere-common';
import { vsphereApiRef } from '../api';
import { isConverging } from '../utils/isConverging';

/**
 * How often the overview is re-read while node pools or VMs are changing, when the portal has no
 * signals plugin to push changes; with signals, the page re-reads only when told.
 */
export const DEFAULT_POLL_INTERVAL_MS = 15_000;

/** Signals of one change arrive from every replica: re-read once for them all. */
const SIGNAL_COALESCE_MS = 150;

/** The overview of an entity with ways to refresh it and apply results of actions. */
export interface EntityOverviewState {
  overview?: EntityOverview;
  /** The last read's error; the previous overview stays shown when a re-read fails. */
  error?: Error;
  loading: boolean;
  refresh: () => void;
  /** Shows a cluster as a scale call returned it, then re-reads. */
  applyCluster: (cluster: WorkloadCluster) => void;
  /** Shows a VM as a power call returned it, then re-reads. */
  applyVm: (vm: VmServiceVm) => void;
}

type ReadState = Pick<EntityOverviewState, 'overview' | 'error' | 'loading'>;

type ReadEvent =
  | { type: 'reading' }
  | { type: 'read'; overview: EntityOverview }
  | { type: 'failed'; error: Error }
  | { type: 'changed'; change: (current: EntityOverview) => EntityOverview };

function reduceOverview(state: ReadState, event: ReadEvent): ReadState {
  switch (event.type) {
    case 'reading':
      return state.loading ? state : { ...state, loading: true };
    case 'read':
      return { overview: event.overview, loading: false };
    case 'failed':
      // the previous overview stays shown under the error
      return { ...state, error: event.error, loading: false };
    case 'changed':
      return state.overview
        ? { ...state, overview: event.change(state.overview) }
        : state;
    default:
      return state;
  }
}

/** Reads the overview of an entity, and re-reads it while anything is converging. */
export function useEntityOverview(
  entityRef: string,
  pollIntervalMs: number = DEFAULT_POLL_INTERVAL_MS,
): EntityOverviewState {
  const api = useApi(vsphereApiRef);
  // one state, one update per read: a page renders once per answer, not once per field
  const [{ overview, error, loading }, dispatch] = useReducer(reduceOverview, {
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration(g => g + 1), []);

  useEffect(() => {
    let cancelled = false;
    dispatch({ type: 'reading' });
    api.getEntityOverview(entityRef).then(
      value => {
        if (!cancelled) dispatch({ type: 'read', overview: value });
      },
      reason => {
        if (!cancelled) dispatch({ type: 'failed', error: reason });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, entityRef, generation]);

  const signals = useApiHolder().get(signalApiRef);
  const channel =
    overview?.supervisor && overview.namespace
      ? vsphereNamespaceChannel({
          vcenter: overview.vcenter,
          supervisor: overview.supervisor,
          namespace: overview.namespace.name,
        })
      : undefined;
  useEffect(() => {
    if (!signals || !channel) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { unsubscribe } = signals.subscribe(channel, () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, SIGNAL_COALESCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [signals, channel, refresh]);

  const converging = overview ? isConverging(overview) : false;
  useEffect(() => {
    if (signals || !converging || loading) return undefined;
    const timer = setTimeout(refresh, pollIntervalMs);
    return () => clearTimeout(timer);
  }, [signals, converging, loading, refresh, pollIntervalMs]);

  const applyCluster = useCallback(
    (cluster: WorkloadCluster) => {
      dispatch({
        type: 'changed',
        change: current => ({
          ...current,
          clusters: current.clusters.map(c =>
            c.name === cluster.name ? cluster : c,
          ),
        }),
      });
      refresh();
    },
    [refresh],
  );

  const applyVm = useCallback(
    (vm: VmServiceVm) => {
      dispatch({
        type: 'changed',
        change: current => ({
          ...current,
          vms: current.vms.map(v =>
            v.name === vm.name
              ? { ...vm, vcenterVm: vm.vcenterVm ?? v.vcenterVm }
              : v,
          ),
        }),
      });
      refresh();
    },
    [refresh],
  );

  return { overview, error, loading, refresh, applyCluster, applyVm };
}
