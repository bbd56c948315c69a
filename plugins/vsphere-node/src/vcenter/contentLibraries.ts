import { ROUTE_MISSING, RestSession } from './RestSession';
import {
  ContentLibrary,
  ContentLibraryItem,
  VCenterCallOptions,
} from './types';
import {
  compact,
  readArray,
  readKey,
  readNumber,
  readString,
  readText,
} from './wire';

// Details are one request per library or item (vCenter has no bulk read): bound the fan-out.
const DETAIL_CONCURRENCY = 6;

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}

export function libraryFromWire(raw: unknown, id?: string): ContentLibrary {
  return compact<ContentLibrary>({
    id: readString(raw, 'id') ?? id ?? '',
    name: readString(raw, 'name') ?? '',
    type: readText(raw, 'type'),
    description: readText(raw, 'description'),
    datastores: readArray(raw, 'storage_backings')
      .map(b => readString(b, 'datastore_id'))
      .filter((d): d is string => Boolean(d)),
    createdAt: readText(raw, 'creation_time'),
    lastModifiedAt: readText(raw, 'last_modified_time'),
  });
}

export function libraryItemFromWire(
  raw: unknown,
  id?: string,
): ContentLibraryItem {
  return compact<ContentLibraryItem>({
    id: readString(raw, 'id') ?? id ?? '',
    libraryId: readString(raw, 'library_id') ?? '',
    name: readString(raw, 'name') ?? '',
    type: readText(raw, 'type'),
    description: readText(raw, 'description'),
    sizeBytes: readNumber(raw, 'size'),
    contentVersion: readText(raw, 'content_version'),
    createdAt: readText(raw, 'creation_time'),
    lastModifiedAt: readText(raw, 'last_modified_time'),
  });
}

function ids(body: unknown): string[] {
  return (Array.isArray(body) ? body : []).filter(
    (id): id is string => typeof id === 'string',
  );
}

/**
 * Content libraries over `/api/content/...`, or the older `/rest/com/vmware/content/...` where
 * this vCenter lacks the newer routes (decided once per client).
 */
export class ContentLibraries {
  private flavor?: 'api' | 'rest';

  constructor(private readonly rest: RestSession) {}

  async list(options: VCenterCallOptions = {}): Promise<ContentLibrary[]> {
    const libraryIds = ids(
      await this.read(
        {
          api: '/api/content/library',
          rest: '/rest/com/vmware/content/library',
        },
        'list content libraries',
        options,
      ),
    );
    return mapLimit(libraryIds, DETAIL_CONCURRENCY, id =>
      this.get(id, options),
    );
  }

  async get(
    id: string,
    options: VCenterCallOptions = {},
  ): Promise<ContentLibrary> {
    const segment = encodeURIComponent(id);
    const body = await this.read(
      {
        api: `/api/content/library/${segment}`,
        rest: `/rest/com/vmware/content/library/id:${segment}`,
      },
      `get content library '${id}'`,
      options,
    );
    return libraryFromWire(body, id);
  }

  async listItems(
    libraryId: string,
    options: VCenterCallOptions = {},
  ): Promise<ContentLibraryItem[]> {
    const itemIds = ids(
      await this.read(
        {
          api: '/api/content/library/item',
          rest: '/rest/com/vmware/content/library/item',
          query: { library_id: libraryId },
        },
        `list the items of content library '${libraryId}'`,
        options,
      ),
    );
    return mapLimit(itemIds, DETAIL_CONCURRENCY, async id => {
      const segment = encodeURIComponent(id);
      const body = await this.read(
        {
          api: `/api/content/library/item/${segment}`,
          rest: `/rest/com/vmware/content/library/item/id:${segment}`,
        },
        `get content library item '${id}'`,
        options,
      );
      return libraryItemFromWire(body, id);
    });
  }

  /** GETs the /api route, falling back to the /rest route (whose body is `{value}`) when missing. */
  private async read(
    paths: { api: string; rest: string; query?: Record<string, string> },
    action: string,
    options: VCenterCallOptions,
  ): Promise<unknown> {
    const request = {
      method: 'GET' as const,
      query: paths.query,
      idempotent: true,
      action,
      signal: options.signal,
    };
    if (this.flavor !== 'rest') {
      const body = await this.rest.call(
        { ...request, path: paths.api },
        { allowRouteMissing: this.flavor === undefined },
      );
      if (body !== ROUTE_MISSING) {
        this.flavor = 'api';
        return body;
      }
      this.flavor = 'rest';
    }
    const body = await this.rest.call({ ...request, path: paths.rest });
    return readKey(body, 'value');
  }
}
