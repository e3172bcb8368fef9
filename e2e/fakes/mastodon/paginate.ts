/**
 * Mastodon's id pagination (to_a_paginated_by_id) and its Link header: rel="next" carries max_id of the last
 * item and appears only when the page is full; rel="prev" carries min_id of the first item.
 */
import { compareIds } from './state';
import { str, type Params } from './http';

export interface Page<T> {
  items: T[];
  link: string | null;
}

export function limitParam(query: Params, fallback = 100): number {
  const n = Number.parseInt(str(query.limit) ?? '', 10);
  if (!Number.isFinite(n) || n <= 0) return fallback;
  return Math.min(n, fallback * 2);
}

export function paginate<T extends { id: string }>(
  newestFirst: T[], query: Params, url: string, filterKeys: string[], fallbackLimit = 100,
): Page<T> {
  const limit = limitParam(query, fallbackLimit);
  const maxId = numericParam(query.max_id);
  const sinceId = numericParam(query.since_id);
  const minId = numericParam(query.min_id);
  let items = newestFirst.filter((r) => (maxId === null || compareIds(r.id, maxId) < 0));
  if (minId !== null) {
    // min_id: the items just after min_id, oldest first, then returned newest first.
    items = items.filter((r) => compareIds(r.id, minId) > 0).reverse().slice(0, limit).reverse();
  } else {
    items = items.filter((r) => sinceId === null || compareIds(r.id, sinceId) > 0).slice(0, limit);
  }
  const keep = new URLSearchParams();
  if (query.limit !== undefined) keep.set('limit', String(query.limit));
  for (const key of filterKeys) if (str(query[key]) !== undefined) keep.set(key, str(query[key])!);
  const links: string[] = [];
  if (items.length === limit) links.push(`<${withParam(url, keep, 'max_id', items[items.length - 1].id)}>; rel="next"`);
  if (items.length > 0) links.push(`<${withParam(url, keep, 'min_id', items[0].id)}>; rel="prev"`);
  return { items, link: links.length ? links.join(', ') : null };
}

function withParam(url: string, base: URLSearchParams, key: string, value: string): string {
  const q = new URLSearchParams(base);
  q.set(key, value);
  return `${url}?${q.toString()}`;
}

function numericParam(v: unknown): string | null {
  const s = str(v);
  return s && /^\d+$/.test(s) ? s : null;
}
