import { PerfSeries } from '@backstage-vsphere/plugin-vsphere-common';
import { ServiceUnavailableError } from '@backstage/errors';
import { PropertyCollector } from './propertyCollector';
import { SoapSession } from './SoapSession';
import {
  MoRef,
  asArray,
  el,
  moRefEl,
  moRefOf,
  textEl,
  textOf,
} from './soapXml';
import { isObject } from './wire';

// vCenter's PerformanceManager has this id on every version (and in govmomi's simulator).
const PERF_MANAGER: MoRef = { type: 'PerformanceManager', value: 'PerfMgr' };

/** The real-time interval: 20 s samples, kept for an hour. */
const REALTIME_INTERVAL_S = 20;

/** Counters read for the sparklines, by vCenter's dotted name. */
const CPU_USAGE = 'cpu.usage.average';
const MEM_USAGE = 'mem.usage.average';

/** Entities per QueryPerf: one request for a namespace's VMs, a few for a whole vCenter. */
const DEFAULT_BATCH = 500;

function child(node: unknown, key: string): unknown {
  return isObject(node) ? node[key] : undefined;
}

/** Counter name (`group.name.rollup`) to counter id, from the PerformanceManager's `perfCounter`. */
export function counterIds(perfCounter: unknown): Map<string, number> {
  const ids = new Map<string, number>();
  for (const info of asArray(child(perfCounter, 'PerfCounterInfo'))) {
    const key = Number(textOf(child(info, 'key')));
    const group = textOf(child(child(info, 'groupInfo'), 'key'));
    const name = textOf(child(child(info, 'nameInfo'), 'key'));
    const rollup = textOf(child(info, 'rollupType'));
    if (Number.isFinite(key) && group && name && rollup) {
      ids.set(`${group}.${name}.${rollup}`, key);
    }
  }
  return ids;
}

/** Percent from vCenter's hundredths; -1 (no sample yet) becomes a gap, never a 0. */
function percent(raw: string | undefined): number | null {
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? Math.round(value) / 100 : null;
}

/** One PerfEntityMetric as a series, oldest sample first (vCenter and the simulator differ). */
export function toPerfSeries(
  metric: unknown,
  ids: { cpu: number; memory: number },
): PerfSeries | undefined {
  const entity = moRefOf(child(metric, 'entity'));
  if (!entity) {
    return undefined;
  }
  const times = asArray(child(metric, 'sampleInfo')).map(
    s => textOf(child(s, 'timestamp')) ?? '',
  );
  const seriesOf = (counter: number) => {
    const found = asArray(child(metric, 'value')).find(
      v => Number(textOf(child(child(v, 'id'), 'counterId'))) === counter,
    );
    return asArray(child(found, 'value')).map(v => percent(textOf(v)));
  };
  const order = times.map((t, i) => ({ t, i }));
  order.sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
  const reorder = (values: (number | null)[]) =>
    order.map(({ i }) => values[i] ?? null);
  return {
    moref: entity.value,
    timestamps: order.map(({ t }) => t),
    cpuPercent: reorder(seriesOf(ids.cpu)),
    memoryPercent: reorder(seriesOf(ids.memory)),
  };
}

/**
 * Recent CPU and memory from vCenter's PerformanceManager: one QueryPerf for up to `batchSize`
 * VMs or hosts at once, never one request per VM. Counter ids are read once per client.
 */
export class PerfReader {
  private ids?: Promise<{ cpu: number; memory: number }>;

  constructor(
    private readonly soap: SoapSession,
    private readonly collector: PropertyCollector,
    private readonly vcenterName: string,
    private readonly batchSize = DEFAULT_BATCH,
  ) {}

  async query(
    entities: MoRef[],
    options: { samples?: number; signal?: AbortSignal } = {},
  ): Promise<PerfSeries[]> {
    if (!entities.length) {
      return [];
    }
    const ids = await this.counterIds();
    const samples = options.samples ?? 15;
    const out: PerfSeries[] = [];
    for (let i = 0; i < entities.length; i += this.batchSize) {
      const batch = entities.slice(i, i + this.batchSize);
      const result = await this.soap.call({
        endpoint: 'vim',
        operation: 'QueryPerf',
        target: PERF_MANAGER,
        params: batch.map(entity =>
          el(
            'querySpec',
            undefined,
            moRefEl('entity', entity),
            textEl('maxSample', samples),
            [ids.cpu, ids.memory].map(counter =>
              el(
                'metricId',
                undefined,
                textEl('counterId', counter),
                textEl('instance', ''),
              ),
            ),
            textEl('intervalId', REALTIME_INTERVAL_S),
          ),
        ),
        idempotent: true,
        action: `read performance data of ${batch.length} objects`,
        signal: options.signal,
      });
      for (const metric of asArray(result)) {
        const series = toPerfSeries(metric, ids);
        if (series) {
          out.push(series);
        }
      }
    }
    return out;
  }

  /** Shared by every caller, so no single caller's signal may cancel it. */
  private counterIds() {
    if (!this.ids) {
      this.ids = this.readCounterIds().catch(error => {
        this.ids = undefined;
        throw error;
      });
    }
    return this.ids;
  }

  private async readCounterIds() {
    const [manager] = await this.collector.retrieveObjects([PERF_MANAGER], {
      specs: [{ type: 'PerformanceManager', paths: ['perfCounter'] }],
      pageSize: 1,
      what: 'performance counters',
    });
    const ids = counterIds(manager?.props.perfCounter);
    const cpu = ids.get(CPU_USAGE);
    const memory = ids.get(MEM_USAGE);
    if (cpu === undefined || memory === undefined) {
      throw new ServiceUnavailableError(
        `vCenter '${this.vcenterName}' has no ${CPU_USAGE} or ${MEM_USAGE} performance counter`,
      );
    }
    return { cpu, memory };
  }
}
