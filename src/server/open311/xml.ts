/**
 * GeoReport v2's XML (decision 060): a document is an element per field, a list an element per item named as the
 * spec names it (services/service, service_requests/request, errors/error, …), an empty value an empty element
 * (<account_id/>). Only XML out: requests come in as forms or JSON, so no parser is needed here.
 */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

/** &, <, > and quotes escaped; characters XML 1.0 cannot carry (control characters, lone surrogates) dropped. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(ITEM[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The document, declared UTF-8 as the spec requires. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value)}`;
}
