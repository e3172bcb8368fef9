/**
 * Test support for the per-connector property tests (issue 8, point 1): valid pages as a real server sends them,
 * with random fields of random items replaced by hostile values, served through a fake fetch. The property: the
 * listing completes, every untouched item comes back, every returned report is writable (contract I5) and
 * refreshable by its id, and every other item is in `skipped` with a short one-line reason free of report text.
 * Only tests import this file (it needs fast-check, a dev dependency).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Connector, FetchLike, ListReportsInput, RemoteReport, SkippedItem } from '../types';
import { writableViolations } from './check-writable';
import { MAX_REASON } from './report-items';

/** Every report comment and every injected string carries this, so a leak into a skip reason is caught. */
export const SECRET = 'SECRETTEXT';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Path = Array<string | number>;

/** Values a hostile or broken server might put anywhere. Booleans are left out: a boolean is never malformed. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined), // the field is dropped
  fc.constantFrom(`${SECRET}\u0000nul`, `\u0000${SECRET}\u0007\u001b[31m`, `${SECRET}\ud800lone`, ''),
  fc.constantFrom('not a date', '2026-13-45T99:99:99Z', '+275760-09-13T00:00:00.000Z', '0000-00-00', 'NaN'),
  fc.constantFrom('../admin', 'a b', 'x'.repeat(65), 'id?x=1', '1.5', '💥', '-'),
  fc.constantFrom(-1, 1.5, 2 ** 60, Number.MAX_SAFE_INTEGER + 2, 0, 1e300),
  fc.constant(`${SECRET}${'x'.repeat(200_000)}`),
  fc.constant(`https://example.test/${SECRET}/${'a'.repeat(5_000)}`),
  fc.constant([]),
  fc.constant([`${SECRET}`, 1, null]),
  fc.constant({}),
  fc.constant({ nested: `${SECRET}\u0000` }),
);

/** Every path to a value inside `value` (objects, arrays and leaves), the root excluded. */
export function allPaths(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, Json]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...allPaths(v, [...prefix, k])]);
}

export function setPath(root: Json, path: Path, replacement: unknown): void {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  const last = path[path.length - 1];
  const parent = node as Record<string | number, unknown>;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
}

export interface Mutation {
  item: number;
  /** Indexes into allPaths(item) modulo their count, so any generated number names some path. */
  pathPick: number;
  value: unknown;
}

export const mutations = (maxItems: number): fc.Arbitrary<Mutation[]> =>
  fc.array(fc.record({ item: fc.nat({ max: maxItems - 1 }), pathPick: fc.nat(), value: hostileValue }), { maxLength: 6 });

/** Applies the mutations to deep copies of the items; returns the copies and which items were touched. */
export function mutate(items: Json[], muts: Mutation[]): { raw: Json[]; touched: Set<number> } {
  const raw = items.map((i) => structuredClone(i));
  const touched = new Set<number>();
  for (const m of muts) {
    const paths = allPaths(raw[m.item]);
    if (paths.length === 0) continue;
    const path = paths[m.pathPick % paths.length];
    setPath(raw[m.item], path, structuredClone(m.value));
    touched.add(m.item);
  }
  return { raw, touched };
}

export function json(body: unknown, init: ResponseInit & { headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers: { 'content-type': 'application/json', ...init.headers } });
}

/** A FetchLike answering from `route`; anything it does not know is a 404 so a wrong request shows up. */
export function fakeFetch(route: (url: URL, init: RequestInit | undefined) => Response | null): FetchLike {
  return async (url, init) => route(new URL(url), init) ?? json({ error: 'not found' }, { status: 404 });
}

export interface PageCheck {
  connector: Connector;
  input: ListReportsInput;
  /** The items as sent, and the ids the untouched ones must come back with. */
  raw: unknown[];
  untouchedIds: string[];
  /** The kind's own refresh-side id check (safeId / parseTypedId): every returned id must pass it. */
  refreshable: (remoteId: string) => void;
  /** How many pages to follow at most (a loop would exceed it). */
  maxPages?: number;
}

/** Runs the listing (following `next` up to maxPages) and asserts the property. */
export async function checkListing(c: PageCheck): Promise<{ items: RemoteReport[]; skipped: SkippedItem[]; pages: number }> {
  const items: RemoteReport[] = [];
  const skipped: SkippedItem[] = [];
  let cursor: string | null = c.input.cursor ?? null;
  let pages = 0;
  do {
    const page = await c.connector.listReports({ ...c.input, cursor });
    items.push(...page.items);
    skipped.push(...page.skipped);
    cursor = page.next;
    pages++;
  } while (cursor && pages < (c.maxPages ?? 1));
  if (c.maxPages) expect(cursor, 'paging ends').toBeNull();
  const ids = items.map((r) => r.remoteId);
  for (const id of c.untouchedIds) expect(ids, `untouched item ${id} comes back`).toContain(id);
  for (const r of items) {
    expect(writableViolations(r), `report ${r.remoteId} is writable`).toEqual([]);
    expect(() => c.refreshable(r.remoteId), `report ${r.remoteId} can be refreshed by id`).not.toThrow();
  }
  expect(items.length + skipped.length, 'every item is returned or skipped').toBe(c.raw.length);
  for (const s of skipped) {
    expect(s.error).not.toMatch(/[\r\n]/);
    expect(s.error.length).toBeLessThanOrEqual(MAX_REASON);
    expect(s.error.length).toBeGreaterThan(0);
    expect(s.error).not.toContain(SECRET);
    expect(JSON.stringify(s.raw ?? null)).not.toContain('\\u0000');
    if (s.remoteId !== null) expect(s.remoteId).not.toMatch(/[\u0000-\u001f]/);
  }
  return { items, skipped, pages };
}

/** fast-check settings: enough runs to hit every field kind, few enough that each file takes seconds. */
export const RUNS = { numRuns: 100 } as const;
