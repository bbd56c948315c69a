import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { ServiceContent, SoapSession } from './SoapSession';
import {
  MoRef,
  XmlElement,
  asArray,
  el,
  moRefEl,
  moRefOf,
  textEl,
  textOf,
} from './soapXml';
import { isObject } from './wire';

/**
 * Properties to read of one managed object type.
 * @public
 */
export interface PropertySpec {
  type: string;
  paths: string[];
}

/**
 * One object's requested properties, as parsed `val` nodes keyed by property path.
 * @public
 */
export interface ObjectProperties {
  ref: MoRef;
  props: Record<string, unknown>;
}

/** What to read and how, for {@link PropertyCollector}. */
export interface RetrieveOptions {
  specs: PropertySpec[];
  pageSize: number;
  /** What is read, for messages, e.g. "virtual machines". */
  what: string;
  signal?: AbortSignal;
}

/** The properties to read, one propSet per object type. */
function propSets(specs: PropertySpec[]): XmlElement[] {
  return specs.map(spec =>
    el(
      'propSet',
      undefined,
      textEl('type', spec.type),
      spec.paths.map(path => textEl('pathSet', path)),
    ),
  );
}

/** A filter spec for every object a ContainerView holds; `name` is the parameter it is sent as. */
export function specSet(
  view: MoRef,
  specs: PropertySpec[],
  name: 'specSet' | 'spec' = 'specSet',
): XmlElement {
  return el(
    name,
    undefined,
    propSets(specs),
    el(
      'objectSet',
      undefined,
      moRefEl('obj', view),
      textEl('skip', true),
      el(
        'selectSet',
        { 'xsi:type': 'TraversalSpec' },
        textEl('name', 'traverseView'),
        textEl('type', 'ContainerView'),
        textEl('path', 'view'),
        textEl('skip', false),
      ),
    ),
  );
}

/** A filter spec for the given objects themselves; ones deleted meanwhile are left out, not a fault. */
function objectsSpecSet(refs: MoRef[], specs: PropertySpec[]): XmlElement {
  return el(
    'specSet',
    undefined,
    propSets(specs),
    refs.map(ref =>
      el('objectSet', undefined, moRefEl('obj', ref), textEl('skip', false)),
    ),
    textEl('reportMissingObjectsInResults', true),
  );
}

function readPage(returnval: unknown): {
  objects: ObjectProperties[];
  token?: string;
} {
  if (!isObject(returnval)) {
    return { objects: [] };
  }
  const objects: ObjectProperties[] = [];
  for (const content of asArray(returnval.objects)) {
    const ref = moRefOf(isObject(content) ? content.obj : undefined);
    if (!ref || !isObject(content)) {
      continue;
    }
    const props: Record<string, unknown> = {};
    for (const prop of asArray(content.propSet)) {
      const name = isObject(prop) ? textOf(prop.name) : undefined;
      if (name && isObject(prop)) {
        props[name] = prop.val;
      }
    }
    objects.push({ ref, props });
  }
  return { objects, token: textOf(returnval.token) || undefined };
}

/**
 * Reads properties of every object of the given types below the root folder: one ContainerView,
 * then RetrievePropertiesEx and ContinueRetrievePropertiesEx with `pageSize` objects per round trip.
 * The view is destroyed afterwards whatever happens.
 */
export class PropertyCollector {
  constructor(
    private readonly soap: SoapSession,
    private readonly logger: LoggerService,
    private readonly vcenterName: string,
  ) {}

  async retrieveFromContainerView(
    options: RetrieveOptions,
  ): Promise<ObjectProperties[]> {
    return this.inSession(content => this.collect(content, options));
  }

  /**
   * Reads properties of the given objects, without a view: RetrievePropertiesEx over exactly
   * those objects, `pageSize` per round trip. Objects that no longer exist are left out.
   */
  async retrieveObjects(
    refs: MoRef[],
    options: RetrieveOptions,
  ): Promise<ObjectProperties[]> {
    if (refs.length === 0) {
      return [];
    }
    return this.inSession(async content => {
      const token: { value?: string } = {};
      try {
        return await this.readPages(
          content,
          objectsSpecSet(refs, options.specs),
          options,
          token,
        );
      } finally {
        if (token.value) {
          await this.cleanUp(content, undefined, token.value);
        }
      }
    });
  }

  /** The paging token dies with the session: start over once in a new one. */
  private async inSession<T>(
    read: (content: ServiceContent) => Promise<T>,
  ): Promise<T> {
    const content = await this.soap.serviceContent();
    try {
      return await read(content);
    } catch (error) {
      if (!this.soap.wasSessionLost(error)) {
        throw error;
      }
      return await read(content);
    }
  }

  private async collect(
    content: ServiceContent,
    options: RetrieveOptions,
  ): Promise<ObjectProperties[]> {
    const { specs, what, signal } = options;
    const view = moRefOf(
      await this.soap.call({
        endpoint: 'vim',
        operation: 'CreateContainerView',
        target: content.viewManager,
        params: [
          moRefEl('container', content.rootFolder),
          ...specs.map(spec => textEl('type', spec.type)),
          textEl('recursive', true),
        ],
        idempotent: false,
        action: `create a view of ${what}`,
        signal,
      }),
    );
    if (!view) {
      throw new ServiceUnavailableError(
        `vCenter '${this.vcenterName}' did not return a view of ${what}`,
      );
    }
    const token: { value?: string } = {};
    try {
      return await this.readPages(
        content,
        specSet(view, specs),
        options,
        token,
      );
    } finally {
      await this.cleanUp(content, view, token.value);
    }
  }

  /** RetrievePropertiesEx, then ContinueRetrievePropertiesEx while vCenter hands back a token. */
  private async readPages(
    content: ServiceContent,
    specSetXml: XmlElement,
    options: { pageSize: number; what: string; signal?: AbortSignal },
    token: { value?: string },
  ): Promise<ObjectProperties[]> {
    const { pageSize, what, signal } = options;
    let page = readPage(
      await this.soap.call({
        endpoint: 'vim',
        operation: 'RetrievePropertiesEx',
        target: content.propertyCollector,
        params: [
          specSetXml,
          el('options', undefined, textEl('maxObjects', pageSize)),
        ],
        idempotent: true,
        relogin: false,
        action: `read ${what}`,
        signal,
      }),
    );
    const objects = page.objects;
    let pages = 1;
    while (page.token) {
      token.value = page.token;
      page = readPage(
        await this.soap.call({
          endpoint: 'vim',
          operation: 'ContinueRetrievePropertiesEx',
          target: content.propertyCollector,
          params: [textEl('token', token.value)],
          // A token is used up when read: resending it could skip a page.
          idempotent: false,
          relogin: false,
          action: `read ${what}`,
          signal,
        }),
      );
      token.value = undefined;
      objects.push(...page.objects);
      pages++;
    }
    this.logger.debug(
      `vCenter '${this.vcenterName}': read ${objects.length} ${what} in ${pages} page(s)`,
    );
    return objects;
  }

  /** Frees server-side state without the caller's signal, which may be what ended the read. */
  private async cleanUp(
    content: ServiceContent,
    view: MoRef | undefined,
    token?: string,
  ) {
    const calls = [];
    if (token) {
      calls.push(
        this.soap.call({
          endpoint: 'vim',
          operation: 'CancelRetrievePropertiesEx',
          target: content.propertyCollector,
          params: [textEl('token', token)],
          idempotent: false,
          relogin: false,
          action: 'cancel a paged read',
        }),
      );
    }
    if (view) {
      calls.push(
        this.soap.call({
          endpoint: 'vim',
          operation: 'DestroyView',
          target: view,
          idempotent: false,
          relogin: false,
          action: 'destroy a view',
        }),
      );
    }
    for (const result of await Promise.allSettled(calls)) {
      if (result.status === 'rejected') {
        this.logger.debug(
          `vCenter '${this.vcenterName}': cleanup after a read failed: ${
            (result.reason as Error).message
          }`,
        );
      }
    }
  }
}
