/**
 * An event's details as "Key: value" lines a person can scan (pure, unit-tested). Details are whatever the
 * recording verb wrote, partly from remote servers, so this only ever produces text (React escapes it) and keeps
 * every value short: nested objects and lists are summarised, and the full JSON stays one click away.
 */
export interface DetailField {
  key: string;
  label: string;
  value: string;
}

const VALUE_MAX = 120;
const LIST_SHOWN = 3;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** camelCase and snake_case keys as words: "instanceIds" → "Instance ids", "rematch_run_id" → "Rematch run id". */
export function keyLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ').trim().toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

function clip(s: string): string {
  return s.length > VALUE_MAX ? `${s.slice(0, VALUE_MAX - 1)}…` : s;
}

function scalar(v: unknown): string | null {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') {
    if (v === '') return '(empty)';
    // Instants read better as "2026-12-02 07:23 UTC"; the raw JSON keeps the exact value.
    return ISO_INSTANT.test(v) ? `${v.slice(0, 16).replace('T', ' ')}${v.endsWith('Z') ? ' UTC' : v.slice(-6)}` : v;
  }
  return null;
}

/** One level deep in words; anything deeper is counted, not spelled out. */
export function summarise(v: unknown, depth = 0): string {
  const s = scalar(v);
  if (s !== null) return clip(s);
  if (Array.isArray(v)) {
    if (v.length === 0) return 'none';
    if (depth > 0) return `${v.length} item${v.length === 1 ? '' : 's'}`;
    const shown = v.slice(0, LIST_SHOWN).map((x) => summarise(x, depth + 1)).join(', ');
    return clip(v.length > LIST_SHOWN ? `${shown} and ${v.length - LIST_SHOWN} more` : shown);
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return 'none';
    if (depth > 0) return `${entries.length} field${entries.length === 1 ? '' : 's'}`;
    return clip(entries.map(([k, x]) => `${keyLabel(k).toLowerCase()}: ${summarise(x, depth + 1)}`).join('; '));
  }
  return clip(String(v));
}

/** Top-level fields of a details object; a non-object detail (rare, old events) becomes one "Value" line. */
export function detailFields(details: unknown): DetailField[] {
  if (details === null || details === undefined) return [];
  if (typeof details !== 'object' || Array.isArray(details)) return [{ key: 'value', label: 'Value', value: summarise(details) }];
  return Object.entries(details as Record<string, unknown>).map(([key, v]) => ({ key, label: keyLabel(key), value: summarise(v) }));
}
