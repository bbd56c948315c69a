import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';
import express from 'express';
import request from 'supertest';
import { sendOverview } from './sendOverview';

type View = Omit<EntityOverview, 'allowed'>;

function view(fetchedAt: string, lastSyncedAt: string, vmName = 'web-1') {
  return {
    entityRef: 'component:default/payments',
    vcenter: 'vc',
    supervisor: 'sv',
    vms: [{ name: vmName }],
    clusters: [],
    events: [],
    links: {},
    errors: [],
    sources: [{ source: 'vcenter:vc', state: 'live', lastSyncedAt }],
    fetchedAt,
  } as unknown as View;
}

function appSending(
  current: () => View,
  allowed: () => EntityOverview['allowed'],
) {
  const app = express();
  app.get('/overview', (_req, res) =>
    sendOverview(res, { view: current(), allowed: allowed() }),
  );
  return app;
}

const noChanges = { scaleClusters: [], powerVms: [] };

describe('sendOverview', () => {
  it("sends the view with the caller's permissions, and 304 to a page that has it", async () => {
    const shown = view('2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z');
    const app = appSending(
      () => shown,
      () => ({ scaleClusters: ['tkc-1'], powerVms: [] }),
    );
    const first = await request(app).get('/overview');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      ...JSON.parse(JSON.stringify(shown)),
      allowed: { scaleClusters: ['tkc-1'], powerVms: [] },
    });
    const again = await request(app)
      .get('/overview')
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('keeps the ETag when only the build time and keep-alives moved, not when what is shown changed', async () => {
    let current = view('2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z');
    let allowed: EntityOverview['allowed'] = noChanges;
    const app = appSending(
      () => current,
      () => allowed,
    );
    const { etag } = (await request(app).get('/overview')).headers;

    current = view('2026-12-01T10:00:06Z', '2026-12-01T10:00:05Z');
    expect(
      (await request(app).get('/overview').set('If-None-Match', etag)).status,
    ).toBe(304);

    current = view('2026-12-01T10:00:06Z', '2026-12-01T10:00:05Z', 'web-2');
    const changed = await request(app)
      .get('/overview')
      .set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.body.vms).toEqual([{ name: 'web-2' }]);

    // another caller's buttons differ: the same view is not theirs to reuse
    allowed = { scaleClusters: ['tkc-1'], powerVms: [] };
    const other = await request(app)
      .get('/overview')
      .set('If-None-Match', changed.headers.etag);
    expect(other.status).toBe(200);
    expect(other.body.allowed.scaleClusters).toEqual(['tkc-1']);
  });

  it("gzips for a browser, each caller's buttons in its own body, and sends plain JSON to a client that asks for none", async () => {
    const shown = view('2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z');
    let allowed: EntityOverview['allowed'] = noChanges;
    const app = appSending(
      () => shown,
      () => allowed,
    );
    const gzip = () =>
      request(app).get('/overview').set('Accept-Encoding', 'gzip');

    const mine = await gzip();
    expect(mine.headers['content-encoding']).toBe('gzip');
    expect(mine.body.allowed).toEqual(noChanges);
    allowed = { scaleClusters: [], powerVms: ['web-1'] };
    const theirs = await gzip();
    expect(theirs.body.allowed.powerVms).toEqual(['web-1']);
    expect(theirs.body.vms).toEqual([{ name: 'web-1' }]);

    const plain = await request(app)
      .get('/overview')
      .set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.allowed.powerVms).toEqual(['web-1']);
  });
});
