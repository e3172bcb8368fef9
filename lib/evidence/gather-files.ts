/**
 * The media bytes a seal keeps: the case's primary media as stored (the original the app fetched), then each
 * copy's bytes when they differ from every file already kept (byte-identical copies share one file; the item
 * lists their copy ids). A copy the app never stored is fetched once from its own instance through the SSRF-safe
 * media fetcher; a URL on another host says nothing about that instance's copy and is not fetched. Anything that
 * cannot be had becomes a `missing` item saying why, so the manifest is honest about what it does not hold.
 */
import { fetchMedia } from '@/lib/media/fetch-media';
import { sniffType } from '@/lib/media/sniff';
import { exemptOriginFor } from '@/lib/net/fetch-policy';
import type { BlobStore } from '@/lib/storage';
import { env } from '@/lib/env';
import { sha256Hex } from './canonical-json';
import { extFor, type GatheredItem } from './gathered';

export interface FileCopy {
  id: string;
  mediaUrl: string | null;
  instance: { baseUrl: string; allowPrivate: boolean };
  media: { id: string; storageKey: string | null; mime: string | null } | null;
}
export interface PrimaryMedia { id: string; storageKey: string | null; mime: string | null }
export interface FileOptions { fetchTimeoutMs?: number; fetchConcurrency?: number }

type Got = { data: Buffer; mime: string | null; source: string } | { missing: string };

export async function gatherFiles(store: BlobStore, primary: PrimaryMedia | null, copies: FileCopy[], opts: FileOptions = {}) {
  const items: GatheredItem[] = [];
  const bySha = new Map<string, GatheredItem>();
  /** copyId → path of the file item holding its bytes (or its missing item). */
  const fileOf = new Map<string, string>();
  const add = (got: Got, path: string, copyId: string | null) => {
    if ('missing' in got) {
      items.push({ path, kind: 'missing', mime: null, data: null, source: 'none', note: got.missing, ...(copyId ? { copyIds: [copyId] } : {}) });
      if (copyId) fileOf.set(copyId, path);
      return;
    }
    const sha = sha256Hex(got.data);
    let item = bySha.get(sha);
    if (!item) {
      item = { path: `${path}.${extFor(got.mime)}`, kind: 'file', mime: got.mime, data: got.data, source: got.source, copyIds: [] };
      bySha.set(sha, item);
      items.push(item);
    }
    if (copyId) {
      item.copyIds?.push(copyId);
      fileOf.set(copyId, item.path);
    }
  };
  if (primary) add(await stored(store, primary), 'files/original', null);
  const got = await mapLimit(copies, opts.fetchConcurrency ?? 16, (c) => copyBytes(store, c, opts));
  copies.forEach((c, i) => add(got[i], `copies/${c.id}/file`, c.id));
  return { items, fileOf };
}

async function stored(store: BlobStore, m: PrimaryMedia): Promise<Got> {
  if (!m.storageKey) return { missing: 'the app never stored this media file' };
  const data = await store.get(m.storageKey);
  if (!data) return { missing: 'the stored media file is gone from the media store' };
  return { data, mime: m.mime ?? sniffType(data).mime, source: `media:${m.id}` };
}

async function copyBytes(store: BlobStore, c: FileCopy, opts: FileOptions): Promise<Got> {
  if (c.media?.storageKey) {
    const got = await stored(store, c.media);
    if (!('missing' in got)) return got;
  }
  if (!c.mediaUrl) return { missing: 'no media file known for this copy' };
  if (!sameHost(c.mediaUrl, c.instance.baseUrl)) return { missing: `not stored, and its media URL is on another host (${hostOf(c.mediaUrl)}): it says nothing about this instance's copy` };
  try {
    const data = await fetchMedia(c.mediaUrl, { exemptOrigin: exemptOriginFor(c.instance), maxBytes: env().MEDIA_MAX_BYTES, timeoutMs: opts.fetchTimeoutMs ?? 30_000 });
    // The server's Content-Type is never trusted: the bytes say what they are.
    return { data, mime: sniffType(data).mime, source: `url:${c.mediaUrl}` };
  } catch (e) {
    return { missing: `fetching ${c.mediaUrl} failed: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500) };
  }
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return '(invalid URL)'; }
}

function sameHost(a: string, b: string): boolean {
  try { return new URL(a).host === new URL(b).host; } catch { return false; }
}

async function mapLimit<T, R>(list: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      out[i] = await fn(list[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  return out;
}
