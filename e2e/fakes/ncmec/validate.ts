/**
 * Structure check against SCHEMA, the way an XSD validator reports it: the first problem found, as a sentence.
 * Order: each child's position in its parent's sequence may never go backwards; unknown children are rejected;
 * min/max occurrences are counted. internetDetails is an xs:choice in the XSD ("must have one of the following
 * subtypes", ncmec-go types.go comment), so it needs exactly one child.
 */
import { BOOLEAN_LEAVES, DATETIME_LEAVES, OPAQUE, SCHEMA } from './schema';
import type { XmlNode } from './xml';

// xs:dateTime: date, time, optional fraction, optional zone.
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

export function validateNode(node: XmlNode, path = node.name): string | null {
  const spec = SCHEMA[node.name];
  if (!spec || OPAQUE.has(node.name)) return validateLeaf(node, path);
  let position = 0;
  const counts = new Map<string, number>();
  for (const child of node.children) {
    const index = spec.findIndex((c) => c.name === child.name);
    if (index < 0) return `Invalid content: element '${child.name}' is not allowed in ${path}`;
    if (index < position) return `Invalid content: element '${child.name}' is out of order in ${path}: it must come before '${spec[position].name}'`;
    position = index;
    const count = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, count);
    if (count > (spec[index].max ?? 1)) return `Invalid content: too many '${child.name}' elements in ${path}`;
    const problem = validateNode(child, `${path}/${child.name}`);
    if (problem) return problem;
  }
  for (const c of spec) {
    if ((counts.get(c.name) ?? 0) < (c.min ?? 0)) return `Invalid content: missing required element '${c.name}' in ${path}`;
  }
  if (node.name === 'internetDetails' && node.children.length !== 1) return `Invalid content: ${path} needs exactly one incident element`;
  return null;
}

function validateLeaf(node: XmlNode, path: string): string | null {
  if (OPAQUE.has(node.name)) return null;
  if (node.children.length) return `Invalid content: element '${node.children[0].name}' is not allowed in ${path}`;
  const value = node.text.trim();
  if (BOOLEAN_LEAVES.has(node.name) && !['true', 'false', '1', '0'].includes(value)) return `Invalid value '${value}' for boolean ${path}`;
  if (DATETIME_LEAVES.has(node.name) && !(DATETIME.test(value) && !Number.isNaN(Date.parse(value)))) {
    return `Invalid value '${value}' for dateTime ${path}`;
  }
  return null;
}
