import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityOverview,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { vsphereApiRef } from '../api';
import { isConverging } from '../utils/isConverging';

/** How often the overview is re-read while node pools or VMs are changing. */
export const DEFAULT_POLL_INTERVAL_MS = 5000;

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

/** Reads the overview of an entity, and re-reads it while anything is converging. */
export function useEntityOverview(
  entityRef: string,
  pollIntervalMs: number = DEFAULT_POLL_INTERVAL_MS,
): EntityOverviewState {
  const api = useApi(vsphereApiRef);
  const [overview, setOverview] = useState<EntityOverview>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration(g => g + 1), []);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api.getEntityOverview(entityRef).then(
      value => {
        if (cancelled) return;
        setOverview(value);
        setError(undefined);
        setLoading(false);
      },
      reason => {
        if (cancelled) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, entityRef, generation]);

  const converging = overview ? isConverging(overview) : false;
  useEffect(() => {
    if (!converging || loading) return undefined;
    const timer = setTimeout(refresh, pollIntervalMs);
    return () => clearTimeout(timer);
  }, [converging, loading, refresh, pollIntervalMs]);

  const applyCluster = useCallback(
    (cluster: WorkloadCluster) => {
      setOverview(
        current =>
          current && {
            ...current,
            clusters: current.clusters.map(c =>
              c.name === cluster.name ? cluster : c,
            ),
          },
      );
      refresh();
    },
    [refresh],
  );

  const applyVm = useCallback(
    (vm: VmServiceVm) => {
      setOverview(
        current =>
          current && {
            ...current,
            vms: current.vms.map(v =>
              v.name === vm.name
                ? { ...vm, vcenterVm: vm.vcenterVm ?? v.vcenterVm }
                : v,
            ),
          },
      );
      refresh();
    },
    [refresh],
  );

  return { overview, error, loading, refresh, applyCluster, applyVm };
}
