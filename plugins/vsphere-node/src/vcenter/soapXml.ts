import { InputError } from '@backstage/errors';
import { XMLParser } from 'fast-xml-parser';
import { SoapFault } from './errors';
import { isObject } from './wire';

/**
 * A managed object reference, e.g. `{ type: 'VirtualMachine', value: 'vm-42' }`.
 * @public
 */
export interface MoRef {
  type: string;
  value: string;
}

/** An element to serialize; text children are escaped. */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string>;
  children: XmlChild[];
}

export type XmlChild = XmlElement | string;

// XML 1.0 cannot carry control characters other than tab and newlines, not even escaped.
function hasInvalidXmlChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const control = c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd;
    if (control || c === 0xfffe || c === 0xffff) {
      return true;
    }
  }
  return false;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text or an attribute value; rejects characters XML cannot hold without echoing them. */
export function escapeXml(value: string): string {
  if (hasInvalidXmlChar(value)) {
    throw new InputError(
      'A value sent to vCenter contains control characters that XML cannot carry',
    );
  }
  return value.replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** Builds an element; undefined children are skipped and arrays are flattened. */
export function el(
  name: string,
  attrs: Record<string, string> | undefined,
  ...children: Array<XmlChild | XmlChild[] | undefined>
): XmlElement {
  const flat: XmlChild[] = [];
  for (const child of children) {
    if (Array.isArray(child)) {
      flat.push(...child);
    } else if (child !== undefined) {
      flat.push(child);
    }
  }
  return { name, attrs, children: flat };
}

/** `<name>value</name>` for a scalar. */
export function textEl(name: string, value: string | number | boolean) {
  return el(name, undefined, String(value));
}

/** `<name type="T">value</name>` for a managed object reference. */
export function moRefEl(name: string, ref: MoRef): XmlElement {
  return el(name, { type: ref.type }, ref.value);
}

export function serialize(node: XmlChild): string {
  if (typeof node === 'string') {
    return escapeXml(node);
  }
  const attrs = Object.entries(node.attrs ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  const inner = node.children.map(serialize).join('');
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}

/** A SOAP 1.1 envelope around one operation element, with optional header elements. */
export function envelope(operation: XmlElement, header: XmlElement[] = []) {
  const headerXml = header.length
    ? `<soapenv:Header>${header.map(serialize).join('')}</soapenv:Header>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"' +
    ' xmlns:xsd="http://www.w3.org/2001/XMLSchema"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `${headerXml}<soapenv:Body>${serialize(
      operation,
    )}</soapenv:Body></soapenv:Envelope>`
  );
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Element prefixes differ between servers; attribute prefixes are kept so xsi:type never
  // overwrites a managed object reference's own `type` attribute.
  transformTagName: name => name.slice(name.indexOf(':') + 1),
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: false,
});

export function asArray<T = unknown>(value: unknown): T[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  return (Array.isArray(value) ? value : [value]) as T[];
}

/**
 * A parsed value as a long-lived inventory keeps it: without the namespace declarations and
 * xsi:type attributes that no reader uses, and a leaf holding only text as that text. The
 * parser's objects for these cost several times the value; textOf, moRefOf and asArray read
 * both forms alike.
 */
export function compactValue(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(compactValue);
  }
  if (!isObject(node)) {
    return node;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (
      key.startsWith('@_xmlns') ||
      (key.startsWith('@_') && key.endsWith(':type'))
    ) {
      continue;
    }
    out[key] = compactValue(value);
  }
  const keys = Object.keys(out);
  return keys.length === 1 && keys[0] === '#text' ? out['#text'] : out;
}

/** The text of a parsed element, whether or not it had attributes. */
export function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') {
    return node;
  }
  if (isObject(node) && node['#text'] !== undefined) {
    return String(node['#text']);
  }
  return undefined;
}

export function moRefOf(node: unknown): MoRef | undefined {
  const value = textOf(node);
  if (!value || !isObject(node)) {
    return undefined;
  }
  const type = node['@_type'];
  return { type: typeof type === 'string' ? type : '', value };
}

function faultOf(fault: unknown): SoapFault {
  const faultString = textOf(isObject(fault) ? fault.faultstring : undefined);
  const detail = isObject(fault) ? fault.detail : undefined;
  let faultType: string | undefined;
  if (isObject(detail)) {
    const [name, content] =
      Object.entries(detail).find(([key]) => !key.startsWith('@_')) ?? [];
    const typeAttr = isObject(content)
      ? Object.entries(content).find(([key]) => key.endsWith(':type'))?.[1]
      : undefined;
    faultType =
      typeof typeAttr === 'string'
        ? typeAttr.slice(typeAttr.indexOf(':') + 1)
        : name?.replace(/Fault$/, '');
  }
  return { faultString: faultString ?? '', faultType };
}

/** The parsed `<OperationResponse>` element, or the fault the server sent instead. */
export type SoapResult =
  | { fault: SoapFault; response?: undefined }
  | { fault?: undefined; response: unknown };

/** Parses a SOAP response; returns undefined when the text is not a SOAP envelope. */
export function parseSoapResponse(
  xml: string,
  operation: string,
): SoapResult | undefined {
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch {
    return undefined;
  }
  const envelopeNode = isObject(parsed) ? parsed.Envelope : undefined;
  const body = isObject(envelopeNode) ? envelopeNode.Body : undefined;
  if (!isObject(body)) {
    return undefined;
  }
  if (body.Fault !== undefined) {
    return { fault: faultOf(body.Fault) };
  }
  return { response: body[`${operation}Response`] };
}

/** The `returnval` of a parsed response. */
export function returnvalOf(response: unknown): unknown {
  return isObject(response) ? response.returnval : undefined;
}
