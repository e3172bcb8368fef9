/**
 * Detection when an instance is added: /.well-known/nodeinfo (software name and version) first, then
 * /api/v1/instance. Every response is parsed with zod; a server that answers neither is reported as unknown
 * and the admin picks the kind by hand.
 */
import { z } from 'zod';
import type { FetchLike, ServerKind } from '../types';
import { kindFromInstanceVersion, kindFromNodeInfoName } from './software-kind';

export interface DetectedSoftware {
  kind: ServerKind | null;
  name: string | null;
  version: string | null;
  source: 'nodeinfo' | 'instance' | 'none';
}

const wellKnown = z.object({ links: z.array(z.object({ rel: z.string(), href: z.string() })).max(20) });
const nodeInfo = z.object({ software: z.object({ name: z.string().max(100), version: z.string().max(100).nullish() }) });
const instance = z.object({ version: z.string().max(200).nullish(), title: z.string().max(300).nullish() });

async function getJson(fetch: FetchLike, url: string): Promise<unknown | null> {
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    return await res.json();
  } catch {
    return null;
  }
}

export async function detectSoftware(baseUrl: string, fetch: FetchLike): Promise<DetectedSoftware> {
  const links = wellKnown.safeParse(await getJson(fetch, `${baseUrl}/.well-known/nodeinfo`));
  if (links.success) {
    // Prefer the newest schema; the document must live on the same origin (no redirects to other hosts).
    const href = links.data.links
      .filter((l) => /nodeinfo\.diaspora\.software\/ns\/schema\/2\.[01]$/.test(l.rel))
      .map((l) => l.href)
      .sort()
      .reverse()
      .find((h) => h.startsWith(`${baseUrl}/`));
    const doc = href ? nodeInfo.safeParse(await getJson(fetch, href)) : null;
    if (doc?.success) {
      const { name, version } = doc.data.software;
      return { kind: kindFromNodeInfoName(name), name, version: version ?? null, source: 'nodeinfo' };
    }
  }
  const inst = instance.safeParse(await getJson(fetch, `${baseUrl}/api/v1/instance`));
  if (inst.success && inst.data.version) {
    const kind = kindFromInstanceVersion(inst.data.version);
    return { kind, name: kind, version: inst.data.version, source: 'instance' };
  }
  return { kind: null, name: null, version: null, source: 'none' };
}
