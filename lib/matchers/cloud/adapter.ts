/**
 * A PhotoDNA-STYLE cloud matching service, over Fedimod's own hash-only protocol. Microsoft's PhotoDNA Cloud Match
 * API itself takes the image (the request body is the image, or `{ "DataRepresentation": "URL", "Value": <image
 * url> }`, developer.microsoftmoderator.com "PhotoDNA Cloud Service / Match"): that is not supported and nothing is
 * ever sent to it. A service (or a gateway in front of one) must offer:
 *
 *   POST {base}/v1/match   Ocp-Apim-Subscription-Key: <key>   Content-Type: application/json
 *     { "hashes": [{ "type": "pdq" | "md5", "value": "<lowercase hex>" }] }
 *   -> 200 { "matches": [{ "type", "value", "list": "<list name>", "label"?: string, "distance"?: number }] }
 *   GET  {base}/v1/status  (same header) -> any 2xx: the check.
 *
 * Unknown fields are ignored; a match for a hash we did not send is dropped; a malformed match is skipped.
 */
import { z } from 'zod';
import { parseJsonBody } from '@/lib/connectors/shared/remote-http';
import { clean } from '@/lib/connectors/shared/remote-text';
import { isAppError } from '@/lib/errors';
import { baseOf, malformed, matcherHttp } from '../matcher-http';
import type { HashQuery, MatcherAdapter, MatcherConfig, OutsideHit } from '../types';

const SERVICE = 'Hash matching service';

const answerSchema = z.object({ matches: z.array(z.unknown()) });
const matchSchema = z.object({
  type: z.enum(['pdq', 'md5']),
  value: z.string(),
  list: z.string(),
  label: z.string().nullish(),
  distance: z.number().int().min(0).max(256).nullish(),
});

export function createCloudAdapter(config: MatcherConfig): MatcherAdapter {
  const http = matcherHttp(SERVICE, config);
  const base = baseOf(config.baseUrl);
  const headers: Record<string, string> = config.key ? { 'Ocp-Apim-Subscription-Key': config.key } : {};

  return {
    kind: 'cloud',
    description: 'Sends only PDQ or MD5 hashes (one POST per media item) to {base}/v1/match. A service that needs the image itself, such as PhotoDNA Cloud\'s Match API, is not supported: nothing is sent to it.',
    async lookup(hashes) {
      if (hashes.length === 0) return [];
      const label = 'POST /v1/match';
      const body = JSON.stringify({ hashes: hashes.map((h) => ({ type: h.signalType, value: h.value })) });
      // A read, so safe to repeat; the client still makes one attempt (matcher-http.ts).
      const answer = await http.send({ method: 'POST', label, url: `${base}/v1/match`, body, idempotent: true, headers: { ...headers, 'Content-Type': 'application/json' } });
      return parseCloudMatches(parseJsonBody(answer.text, SERVICE, label), hashes);
    },
    async check() {
      try {
        await http.send({ method: 'GET', label: 'GET /v1/status', url: `${base}/v1/status`, headers });
        return { ok: true, detail: 'The service answered and accepted the key.' };
      } catch (e) {
        if (isAppError(e)) return { ok: false, detail: e.userMessage };
        throw e;
      }
    },
  };
}

/** Pure: the answer into hits for the hashes we sent (one per type and list, closest first). */
export function parseCloudMatches(json: unknown, sent: readonly HashQuery[]): OutsideHit[] {
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) throw malformed(SERVICE, 'POST /v1/match', 'answer has no matches list');
  const asked = new Set(sent.map((h) => `${h.signalType}:${h.value}`));
  const best = new Map<string, OutsideHit>();
  for (const item of parsed.data.matches) {
    const m = matchSchema.safeParse(item);
    if (!m.success) continue;
    const value = m.data.value.toLowerCase();
    const bank = clean(m.data.list).slice(0, 200);
    if (!asked.has(`${m.data.type}:${value}`) || !bank) continue;
    const hit: OutsideHit = {
      signalType: m.data.type, value, bank, matchLabel: m.data.label ? clean(m.data.label).slice(0, 100) || null : null,
      distance: m.data.type === 'md5' ? 0 : m.data.distance ?? 0,
    };
    const key = `${hit.signalType}:${bank}`;
    const prev = best.get(key);
    if (!prev || hit.distance < prev.distance) best.set(key, hit);
  }
  return [...best.values()];
}
