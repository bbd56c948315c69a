/*
 * Shared helpers of the benchmarks: the testenv copy's connection details, the simulator's
 * request recorder, timing and a logger that stays quiet.
 */
import fs from 'node:fs';
import type { ClientRequest } from 'node:http';
import { ConfigReader } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  readVsphereConfig,
  VCenterConfig,
} from '@backstage-vsphere/plugin-vsphere-node';
import {
  loadTestenv,
  testenvVsphereConfig,
  TestenvInfo,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';

export { loadTestenv };
export type { TestenvInfo };

/** Errors only, on stderr; the benchmark's own output is the table. */
export const logger: LoggerService = {
  error: (message: string) => console.error(`error: ${message}`),
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => logger,
};

/** Config of the testenv vCenter (and its Supervisor) as the plugins read it. */
export function vcenterConfigs(
  env: TestenvInfo,
  overrides: Record<string, any> = {},
): VCenterConfig[] {
  return readVsphereConfig(
    new ConfigReader({
      vsphere: testenvVsphereConfig(env, {
        requestTimeout: '120s',
        ...overrides,
      }),
    }),
  );
}

/** Byte offset of the recorder file, to read only what came afterwards. */
export function recorderMark(env: TestenvInfo): number {
  return fs.statSync(env.vcenter.recorderFile).size;
}

/** Requests recorded since a mark, with counts by SOAP operation or REST path. */
export async function recordedSince(env: TestenvInfo, mark: number) {
  // the simulator appends asynchronously on some paths; give it a moment
  await new Promise(r => setTimeout(r, 200));
  const fd = fs.openSync(env.vcenter.recorderFile, 'r');
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.alloc(size - mark);
  fs.readSync(fd, buf, 0, buf.length, mark);
  fs.closeSync(fd);
  const byOp: Record<string, number> = {};
  let total = 0;
  for (const line of buf.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const key = r.operation ?? `${r.method} ${r.path}`;
    byOp[key] = (byOp[key] ?? 0) + 1;
    total++;
  }
  return { total, byOp };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1);
  return s[Math.max(0, i)];
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Peak RSS of this process so far, in MiB (from the kernel's high-water mark). */
export function peakRssMiB(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

/**
 * Counts outgoing HTTP(S) requests of this process by `host:port`, client side. Both upstream
 * clients (axios for vCenter, the Kubernetes client's fetch) end in `https.request`.
 * `onRequest` sees each request, e.g. to time it.
 */
export const sentRequests = new Map<string, number>();

export function installRequestCounter(
  onRequest?: (host: string, req: ClientRequest) => void,
) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const https = require('node:https');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const http = require('node:http');
  for (const [mod, proto] of [
    [https, 'https'],
    [http, 'http'],
  ] as const) {
    const original = mod.request;
    mod.request = function counted(...args: any[]) {
      let host = '?';
      const first = args[0];
      if (typeof first === 'string' || first instanceof URL) {
        const u = new URL(String(first));
        host = `${u.hostname}:${u.port || (proto === 'https' ? 443 : 80)}`;
        if (args[1] && typeof args[1] === 'object' && args[1].port) {
          host = `${args[1].hostname ?? args[1].host ?? u.hostname}:${
            args[1].port
          }`;
        }
      } else if (first && typeof first === 'object') {
        host = `${first.hostname ?? first.host}:${first.port ?? ''}`;
      }
      sentRequests.set(host, (sentRequests.get(host) ?? 0) + 1);
      const req = original.apply(this, args);
      onRequest?.(host, req);
      return req;
    };
  }
}

/** Requests sent to a port since a snapshot of {@link sentRequests}. */
export function sentTo(port: string, before: Map<string, number>): number {
  let n = 0;
  for (const [host, count] of sentRequests) {
    if (host.endsWith(`:${port}`)) n += count - (before.get(host) ?? 0);
  }
  return n;
}
