/**
 * What /submit and /fileinfo accept, beyond the plain structure: the root element, the incidentType enumeration,
 * a non-empty reporting email (a house rule, see schema.ts), and hashType values. Answers the first problem.
 */
import { HASH_TYPES, INCIDENT_TYPES } from './schema';
import { validateNode } from './validate';
import { childText, parseXml, XmlSyntaxError, type XmlNode } from './xml';

export type Checked = { ok: true; root: XmlNode } | { ok: false; description: string };

function parse(xml: string, rootName: string): Checked {
  let root: XmlNode;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return { ok: false, description: `Malformed XML: ${e.message}` };
    throw e;
  }
  if (root.name !== rootName) return { ok: false, description: `Invalid content: root element must be '${rootName}', got '${root.name}'` };
  const problem = validateNode(root);
  return problem ? { ok: false, description: problem } : { ok: true, root };
}

export function checkReport(xml: string): Checked {
  const checked = parse(xml, 'report');
  if (!checked.ok) return checked;
  const summary = checked.root.children.find((c) => c.name === 'incidentSummary');
  const type = summary && childText(summary, 'incidentType');
  if (!type || !INCIDENT_TYPES.includes(type)) {
    return { ok: false, description: `Invalid value '${type ?? ''}' for incidentType: not in the enumeration` };
  }
  const person = checked.root.children.find((c) => c.name === 'reporter')?.children.find((c) => c.name === 'reportingPerson');
  const emails = person?.children.filter((c) => c.name === 'email' && c.text.trim()) ?? [];
  if (!emails.length) return { ok: false, description: 'Invalid content: reporter/reportingPerson needs an email' };
  return checked;
}

export function checkFileDetails(xml: string): Checked {
  const checked = parse(xml, 'fileDetails');
  if (!checked.ok) return checked;
  for (const hash of checked.root.children.filter((c) => c.name === 'originalFileHash')) {
    const type = hash.attrs.hashType;
    if (!type || !HASH_TYPES.includes(type)) return { ok: false, description: `Invalid value '${type ?? ''}' for attribute hashType` };
    if (!/^[0-9a-fA-F]+$/.test(hash.text.trim())) return { ok: false, description: `Invalid ${type} hash value` };
  }
  return checked;
}
