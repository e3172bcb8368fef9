/**
 * Detection when an instance is added: /.well-known/nodeinfo (software name and version) first, then
 * /api/v1/instance. Every response is parsed with zod; a server that answers neither is reported as unknown
 * and the admin picks the kind by hand. What each URL answered instead is kept (`answers`), so "unknown" can say
 * why; a host that cannot be reached at all (DNS, refused connection, TLS, timeout, private address) throws the
 * fetch's AppError, since the token calls would fail the same way (lib/instances/connect-failure.ts explains it).
 */
import { z } from 'zod';
import { isAppError } from '../../errors';
import { errorBodyText } from '../shared/error-body-text';
import type { FetchLike, ServerKind } from '../types';
import { kindFromInstanceVersion, kindFromNodeInfoName } from './software-kind';

export interface DetectedSoftware {
  kind: ServerKind | null;
  name: string | null;
  version: string | null;
  source: 'nodeinfo' | 'instance' | 'none';
  /** Only when nothing was detected: what each URL answered (status 0: a body that is not the expected JSON). */
  answers?: DetectAnswer[];
}

export interface DetectAnswer {
  path: string;
  status: number;
  /** The server's own error text, cleaned and capped (shared/error-body-text.ts). */
  text: string;
}

// Transport failures say something about the host, not about this URL: they end detection (see the header).
const HOST_FAILURES = new Set(['remote_unreachable', 'ssrf_blocked']);

const wellKnown = z.object({ links: z.array(z.object({ rel: z.string(), href: z.string() })).max(20) });
const nodeInfo = z.object({ software: z.object({ name: z.string().max(100), version: z.string().max(100).nullish() }) });
const instance = z.object({ version: z.string().max(200).nullish(), title: z.string().max(300).nullish() });

async function getJson(fetch: FetchLike, url: string, answers: DetectAnswer[]): Promise<unknown | null> {
  const path = new URL(url).pathname;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (e) {
    if (isAppError(e) && HOST_FAILURES.has(e.code)) throw e;
    answers.push({ path, status: 0, text: isAppError(e) ? e.userMessage : '' });
    return null;
  }
  const body = await res.text().catch(() => '');
  if (!res.ok) {
    answers.push({ path, status: res.status, text: errorBodyText(body) });
    return null;
  }
  try {
    return JSON.parse(body);
  } catch {
    answers.push({ path, status: 0, text: 'not JSON' });
    return null;
  }
}

export async function detectSoftware(baseUrl: string, fetch: FetchLike): Promise<DetectedSoftware> {
  const answers: DetectAnswer[] = [];
  const links = wellKnown.safeParse(await getJson(fetch, `${baseUrl}/.well-known/nodeinfo`, answers));
  if (links.success) {
    // Prefer the newest schema; the document must live on the same origin (no redirects to other hosts).
    const href = links.data.links
      .filter((l) => /nodeinfo\.diaspora\.software\/ns\/schema\/2\.[01]$/.test(l.rel))
      .map((l) => l.href)
      .sort()
      .reverse()
      .find((h) => h.startsWith(`${baseUrl}/`));
    const doc = href ? nodeInfo.safeParse(await getJson(fetch, href, answers)) : null;
    if (doc?.success) {
      const { name, version } = doc.data.software;
      return { kind: kindFromNodeInfoName(name), name, version: version ?? null, source: 'nodeinfo' };
    }
  }
  const inst = instance.safeParse(await getJson(fetch, `${baseUrl}/api/v1/instance`, answers));
  if (inst.success && inst.data.version) {
    const kind = kindFromInstanceVersion(inst.data.version);
    return { kind, name: kind, version: inst.data.version, source: 'instance' };
  }
  return { kind: null, name: null, version: null, source: 'none', answers };
}
