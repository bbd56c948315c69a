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

/** Properties to read of one managed object type. */
export interface PropertySpec {
  type: string;
  paths: string[];
}

/** One object's requested properties, as parsed `val` nodes keyed by property path. */
export interface ObjectProperties {
  ref: MoRef;
  props: Record<string, unknown>;
}

/** What to read and how, for {@link retrieveFromContainerView}. */
export interface RetrieveOptions {
  specs: PropertySpec[];
  pageSize: number;
  /** What is read, for messages, e.g. "virtual machines". */
  what: string;
  signal?: AbortSignal;
}

function specSet(view: MoRef, specs: PropertySpec[]): XmlElement {
  return el(
    'specSet',
    undefined,
    specs.map(spec =>
      el(
        'propSet',
        undefined,
        textEl('type', spec.type),
        spec.paths.map(path => textEl('pathSet', path)),
      ),
    ),
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
    const content = await this.soap.serviceContent();
    try {
      return await this.collect(content, options);
    } catch (error) {
      // The view and the paging token die with the session: start over once in a new one.
      if (!this.soap.wasSessionLost(error)) {
        throw error;
      }
      return await this.collect(content, options);
    }
  }

  private async collect(
    content: ServiceContent,
    options: RetrieveOptions,
  ): Promise<ObjectProperties[]> {
    const { specs, pageSize, what, signal } = options;
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
    let token: string | undefined;
    try {
      let page = readPage(
        await this.soap.call({
          endpoint: 'vim',
          operation: 'RetrievePropertiesEx',
          target: content.propertyCollector,
          params: [
            specSet(view, specs),
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
        token = page.token;
        page = readPage(
          await this.soap.call({
            endpoint: 'vim',
            operation: 'ContinueRetrievePropertiesEx',
            target: content.propertyCollector,
            params: [textEl('token', token)],
            // A token is used up when read: resending it could skip a page.
            idempotent: false,
            relogin: false,
            action: `read ${what}`,
            signal,
          }),
        );
        token = undefined;
        objects.push(...page.objects);
        pages++;
      }
      this.logger.debug(
        `vCenter '${this.vcenterName}': read ${objects.length} ${what} in ${pages} page(s)`,
      );
      return objects;
    } finally {
      await this.cleanUp(content, view, token);
    }
  }

  /** Frees server-side state without the caller's signal, which may be what ended the read. */
  private async cleanUp(content: ServiceContent, view: MoRef, token?: string) {
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
