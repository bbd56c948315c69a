import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { MonitoringLink } from '@backstage-vsphere/plugin-vsphere-common';

/**
 * A configured monitoring link template.
 * @public
 */
export interface MonitoringLinkTemplate {
  kind: 'vm' | 'host' | 'cluster' | 'namespace';
  title: string;
  url: string;
}

const KINDS = ['vm', 'host', 'cluster', 'namespace'] as const;
const PLACEHOLDER = /\{(name|moref|namespace|vcenter)\}/g;

/**
 * Reads `vsphere.insights.monitoringLinks`; a wrong entry stops start-up naming its key.
 * @public
 */
export function readMonitoringLinks(config: Config): MonitoringLinkTemplate[] {
  const key = 'vsphere.insights.monitoringLinks';
  return (config.getOptionalConfigArray(key) ?? []).map((link, i) => {
    const kind = link.getString('kind');
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new InputError(
        `${key}[${i}].kind: '${kind}' is not one of ${KINDS.join(', ')}`,
      );
    }
    const url = link.getString('url');
    const sample = url.replace(PLACEHOLDER, 'x');
    if (!/^https?:\/\//.test(sample) || /[{}]/.test(sample)) {
      throw new InputError(
        `${key}[${i}].url: must be an http(s) URL using only {name}, {moref}, {namespace} and {vcenter}`,
      );
    }
    return {
      kind: kind as MonitoringLinkTemplate['kind'],
      title: link.getString('title'),
      url,
    };
  });
}

/**
 * The links for one object, its values URL-encoded into the templates.
 * @public
 */
export function monitoringLinksFor(
  templates: MonitoringLinkTemplate[],
  kind: MonitoringLinkTemplate['kind'],
  values: { name: string; moref?: string; namespace?: string; vcenter: string },
): MonitoringLink[] {
  return templates
    .filter(t => t.kind === kind)
    .map(t => ({
      title: t.title,
      url: t.url.replace(PLACEHOLDER, (_, key: keyof typeof values) =>
        encodeURIComponent(values[key] ?? ''),
      ),
    }));
}
