/**
 * Hasher-Matcher-Actioner (HMA 2.x, "OpenMediaMatch", facebook/ThreatExchange). Read from
 * hasher-matcher-actioner/src/OpenMediaMatch/blueprints/matching.py and src/OpenMediaMatch/app.py:
 *
 *   GET /m/lookup?signal_type=<pdq|video_md5>&signal=<hex>[&banks=a,b]
 *     -> 200 { "<bank name>": [{ "bank_content_id": 1001, "distance": "4" }, ...], ... }   (signal mode)
 *     Only enabled content in banks whose matching is enabled is answered. 400 on an unknown or disabled signal
 *     type or an invalid hash. We use this one: it names the bank.
 *   GET /m/raw_lookup?signal_type&signal[&include_distance=true] -> { "matches": [1001 | { bank_content_id,
 *     distance }] }: content ids only, no bank names and no enabled check, so not used.
 *   GET /m/lookup?url=<file url> and POST /m/lookup (an upload): HMA fetches or receives the content and hashes it
 *     itself. NEVER called: only hashes leave Fedimod.
 *   GET /status -> 200 "I-AM-ALIVE", 503 "INDEX-NOT-LOADED" / "INDEX-STALE" (the check).
 *
 * HMA's MD5 signal type is `video_md5` (python-threatexchange signal_type/md5.py): a plain MD5 of the file bytes,
 * which is what Media.md5 holds. HMA has no built-in auth; a key, where set, goes as `Authorization: Bearer` for
 * a proxy in front of it.
 */
import { z } from 'zod';
import { parseJsonBody, queryString } from '@/lib/connectors/shared/remote-http';
import { clean } from '@/lib/connectors/shared/remote-text';
import { isAppError } from '@/lib/errors';
import { baseOf, malformed, matcherHttp } from '../matcher-http';
import type { HashQuery, MatcherAdapter, MatcherConfig, OutsideHit } from '../types';

const SERVICE = 'HMA';
const SIGNAL_TYPE = { pdq: 'pdq', md5: 'video_md5' } as const;

const answerSchema = z.record(z.string(), z.array(z.unknown()));
const matchSchema = z.object({
  bank_content_id: z.union([z.number(), z.string()]),
  distance: z.union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/)]).optional(),
});

export function createHmaAdapter(config: MatcherConfig): MatcherAdapter {
  const http = matcherHttp(SERVICE, config);
  const base = baseOf(config.baseUrl);
  const headers: Record<string, string> = config.key ? { Authorization: `Bearer ${config.key}` } : {};

  const lookupOne = async (q: HashQuery): Promise<OutsideHit[]> => {
    const label = 'GET /m/lookup';
    // Only two parameters, both hash data: never `url`, never anything about the post or the instance.
    const query = queryString({ signal_type: SIGNAL_TYPE[q.signalType], signal: q.value });
    const answer = await http.send({ method: 'GET', label, url: `${base}/m/lookup${query}`, headers });
    return parseHmaLookup(parseJsonBody(answer.text, SERVICE, label), q);
  };

  return {
    kind: 'hma',
    description: 'Sends each PDQ or MD5 hash to the HMA server\'s /m/lookup (one request per hash) and reads back the matching banks. Never sends an image or a URL.',
    async lookup(hashes) {
      const hits: OutsideHit[] = [];
      for (const q of hashes) hits.push(...(await lookupOne(q)));
      return hits;
    },
    async check() {
      try {
        const answer = await http.send({ method: 'GET', label: 'GET /status', url: `${base}/status`, headers });
        return { ok: true, detail: `HMA answered: ${clean(answer.text).slice(0, 60) || 'OK'}` };
      } catch (e) {
        if (isAppError(e)) return { ok: false, detail: e.userMessage };
        throw e;
      }
    },
  };
}

/** Pure: one lookup answer into hits; a malformed match item is skipped, a malformed answer is remote_error. */
export function parseHmaLookup(json: unknown, q: HashQuery): OutsideHit[] {
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) throw malformed(SERVICE, 'GET /m/lookup', 'answer is not an object of bank lists');
  const hits: OutsideHit[] = [];
  for (const [rawBank, items] of Object.entries(parsed.data)) {
    const bank = clean(rawBank).slice(0, 200);
    if (!bank) continue;
    let best: number | null = null;
    for (const item of items) {
      const m = matchSchema.safeParse(item);
      if (!m.success) continue;
      const d = m.data.distance === undefined ? 0 : Math.round(Number(m.data.distance));
      if (!Number.isFinite(d) || d < 0 || d > 256) continue;
      best = best === null ? d : Math.min(best, d);
    }
    if (best !== null) hits.push({ signalType: q.signalType, value: q.value, bank, matchLabel: null, distance: q.signalType === 'md5' ? 0 : best });
  }
  return hits;
}
