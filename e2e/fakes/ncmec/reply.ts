/**
 * The service's XML answers. Element names and order of reportResponse (responseCode, responseDescription, reportId,
 * fileId, hash) and reportDoneResponse (responseCode, reportId, files/fileId) follow ncmec-go's generated types.go.
 * Errors come back as HTTP 200 with a nonzero responseCode: ncmec-go decodes the XML body and checks responseCode
 * BEFORE it looks at the HTTP status, and §9 describes errors only by responseCode; the real HTTP status of a
 * rejected report was not confirmed from a public source.
 * The nonzero codes are the fake's own (the documentation's code table is behind the login and was not seen):
 * clients must show responseDescription and never branch on these numbers.
 */
import type { FakeReport } from './state';

export const CODES = {
  ok: 0,
  serverError: 1000,
  invalidXml: 1100,
  unknownReport: 1200,
  reportClosed: 1300,
  unknownFile: 1400,
  badRequest: 1500,
} as const;

export interface XmlReply {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const el = (name: string, value: string | number | undefined) => (value === undefined ? '' : `<${name}>${escape(String(value))}</${name}>`);
const xml = (body: string): XmlReply => ({
  status: 200,
  contentType: 'application/xml; charset=utf-8',
  body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${body}`,
});

export function reportResponse(fields: { code: number; description?: string; reportId?: number; fileId?: string; hash?: string }): XmlReply {
  return xml(`<reportResponse>${el('responseCode', fields.code)}${el('responseDescription', fields.description ?? '')}${el('reportId', fields.reportId)}${el('fileId', fields.fileId)}${el('hash', fields.hash)}</reportResponse>`);
}

export const failure = (code: number, description: string) => reportResponse({ code, description });

export function reportDoneResponse(report: FakeReport): XmlReply {
  const files = report.files.map((f) => el('fileId', f.fileId)).join('');
  return xml(`<reportDoneResponse>${el('responseCode', 0)}${el('reportId', report.reportId)}<files>${files}</files></reportDoneResponse>`);
}

/**
 * A failed finish keeps the reportDoneResponse root (ncmec-go decodes /finish answers only as that type). Its
 * generated type has no responseDescription; the fake adds one after responseCode so the dashboard can show why,
 * and a client must also cope with its absence (unverified against the real service).
 */
export function reportDoneFailure(code: number, description: string, reportId?: number): XmlReply {
  return xml(`<reportDoneResponse>${el('responseCode', code)}${el('responseDescription', description)}${el('reportId', reportId)}</reportDoneResponse>`);
}

export const unauthorized = (): XmlReply => ({
  status: 401,
  contentType: 'text/plain; charset=utf-8',
  body: 'Unauthorized',
  headers: { 'WWW-Authenticate': 'Basic realm="ispws"' },
});

/** A deliberately small stand-in for GET /xsd: the root element and incidentType enumeration only. */
export function xsdText(incidentTypes: string[]): XmlReply {
  const values = incidentTypes.map((t) => `<xs:enumeration value="${escape(t)}"/>`).join('');
  return {
    status: 200,
    contentType: 'application/xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="UTF-8"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="report" type="report"/><xs:simpleType name="incidentType"><xs:restriction base="xs:string">${values}</xs:restriction></xs:simpleType></xs:schema>`,
  };
}
