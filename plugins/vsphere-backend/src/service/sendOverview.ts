import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';
import { Response } from 'express';

type View = Omit<EntityOverview, 'allowed'>;

// a shared view is serialized, encoded and hashed once, however many callers it is sent to
const serialized = new WeakMap<View, { rest: Buffer; tag: string }>();
// and gzipped once per set of buttons: callers of one role share the bytes, as browsers ask for gzip
const gzipped = new WeakMap<View, Map<string, Buffer>>();
const GZIPPED_BUTTON_SETS = 32;

const hash = (text: string) =>
  crypto.createHash('sha1').update(text).digest('base64url').slice(0, 16);

/** What the page shows: not when it was built, nor the sources' last keep-alive. */
function contentOf(view: View) {
  return {
    ...view,
    fetchedAt: undefined,
    sources: view.sources?.map(s => ({ ...s, lastSyncedAt: undefined })),
  };
}

function gzippedBody(
  view: View,
  allowedTag: string,
  body: () => Buffer,
): Buffer {
  let byButtons = gzipped.get(view);
  if (!byButtons) {
    byButtons = new Map();
    gzipped.set(view, byButtons);
  }
  let done = byButtons.get(allowedTag);
  if (!done) {
    done = zlib.gzipSync(body());
    if (byButtons.size >= GZIPPED_BUTTON_SETS) {
      byButtons.delete(byButtons.keys().next().value!);
    }
    byButtons.set(allowedTag, done);
  }
  return done;
}

function serialize(view: View) {
  let done = serialized.get(view);
  if (!done) {
    done = {
      // the view's fields after its opening brace: each caller's buttons go in front
      rest: Buffer.from(JSON.stringify(view).slice(1)),
      tag: hash(JSON.stringify(contentOf(view))),
    };
    serialized.set(view, done);
  }
  return done;
}

/**
 * Sends an overview with an ETag of its view and the caller's permissions: a page that asks
 * again with If-None-Match gets 304 and no body until its namespace or its permissions change.
 */
export function sendOverview(
  res: Response,
  parts: { view: View; allowed: EntityOverview['allowed'] },
) {
  const view = serialize(parts.view);
  const allowed = JSON.stringify(parts.allowed);
  const allowedTag = hash(allowed);
  // the browser keeps the body and asks again each time; nothing shared may store it
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('ETag', `W/"${view.tag}.${allowedTag}"`);
  res.setHeader('Vary', 'Accept-Encoding');
  if (res.req.fresh) {
    res.status(304).end();
    return;
  }
  const head = Buffer.from(`{"allowed":${allowed},`);
  res.type('application/json');
  if (res.req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    const body = gzippedBody(parts.view, allowedTag, () =>
      Buffer.concat([head, view.rest]),
    );
    // already encoded: the root router's compression passes it through as it is
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.end(body);
    return;
  }
  // the shared bytes go out as they are: no per-caller copy of a view of hundreds of KB
  res.setHeader('Content-Length', head.length + view.rest.length);
  res.write(head);
  res.end(view.rest);
}
