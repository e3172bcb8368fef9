/**
 * Test-only: builds example objects from the `definitions` of GoToSocial's swagger.yaml. No YAML parser is
 * installed, so this reads just the layout that file uses (4-space nesting: definition, properties, property,
 * attributes). The spec is AGPL: it is read from ../shared at test time and never imported from lib/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SWAGGER_PATH = path.resolve(process.cwd(), '../shared/specs/gotosocial.swagger.yaml');

interface Prop {
  type?: string;
  example?: string;
  ref?: string;
  itemsRef?: string;
  itemsType?: string;
}
type Definitions = Map<string, Map<string, Prop>>;

export function readDefinitions(file = SWAGGER_PATH): Definitions {
  const defs: Definitions = new Map();
  let inDefs = false;
  let def: Map<string, Prop> | null = null;
  let prop: Prop | null = null;
  let inItems = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line)) { inDefs = line.startsWith('definitions:'); continue; }
    if (!inDefs) continue;
    const indent = line.length - line.trimStart().length;
    const m = /^\s*([^:\s][^:]*):\s?(.*)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m;
    if (indent === 4) { def = new Map(); defs.set(key, def); prop = null; continue; }
    if (indent === 12 && def) { prop = {}; def.set(key, prop); inItems = false; continue; }
    if (!prop) continue;
    if (indent === 16) {
      inItems = key === 'items';
      if (key === 'type') prop.type = value;
      if (key === 'example' && !value.startsWith('|')) prop.example = value;
      if (key === '$ref') prop.ref = refName(value);
    } else if (indent === 20 && inItems) {
      if (key === '$ref') prop.itemsRef = refName(value);
      if (key === 'type') prop.itemsType = value;
    }
  }
  return defs;
}

function refName(value: string): string {
  return value.replace(/['"]/g, '').split('/').pop()!;
}

function scalar(p: Prop): unknown {
  const raw = p.example?.trim();
  if (raw === undefined) return { string: 'x', boolean: false, integer: 0, number: 0, object: {} }[p.type ?? 'string'] ?? null;
  if (p.type === 'integer' || p.type === 'number') return Number(raw);
  if (p.type === 'boolean') return raw === 'true';
  if (raw.startsWith('"')) return JSON.parse(raw);
  if (raw.startsWith("'")) return raw.slice(1, -1).replaceAll("''", "'");
  return raw;
}

/** One example object of a definition; nested references stop at `depth` (the spec is recursive). */
export function exampleOf(defs: Definitions, name: string, depth = 3): Record<string, unknown> {
  const def = defs.get(name);
  if (!def) throw new Error(`no definition ${name} in the swagger file`);
  const out: Record<string, unknown> = {};
  for (const [key, p] of def) {
    if (p.ref) {
      if (depth > 0 && defs.has(p.ref)) out[key] = exampleOf(defs, p.ref, depth - 1);
    } else if (p.type === 'array') {
      if (p.itemsRef) out[key] = depth > 0 && defs.has(p.itemsRef) ? [exampleOf(defs, p.itemsRef, depth - 1)] : [];
      else out[key] = p.itemsType === 'string' ? ['x'] : [];
    } else {
      out[key] = scalar(p);
    }
  }
  return out;
}
