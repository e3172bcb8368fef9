/**
 * The demo's holding cell, watch lists, outside matcher and notifications (issue 14; used by scripts/demo.ts only).
 * Everything goes through the app's own verbs as a system actor, so it is audited like an admin's change, and is
 * made once: later demo runs find it by name and leave it (and anything someone changed in it) alone.
 * - A LIVE rule holds bank matches of severity 4 or more (the known-bad copies are held as they are hashed), and a
 *   DRY-RUN rule on weighted reports records what it would have held.
 * - Watch terms: the hashtag #demotrade and the link domain offsite.test; a post carrying both is added to the
 *   Mastodon fake (alpha) at every start, so a scan finds it.
 * - A fake Hasher-Matcher-Actioner (port 4111) that knows the known-bad image's PDQ hash, opted in for every demo
 *   instance: its hits show beside the local bank's with its name. It receives hashes only.
 * - A fake chat receiver (port 4112) as a signed JSON notification hook for holds.
 */
import type { Ctx } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import { saveRule } from '@/lib/holding/save-rule';
import { saveMatcher } from '@/lib/matchers/save-matcher';
import { saveHook } from '@/lib/notify/save-hook';
import { saveTerm } from '@/lib/watch/save-term';
import { startChatReceiver, type ChatReceiver } from '../../e2e/fakes/chat/server';
import { knownBadHashes } from '../../e2e/fakes/federation/start-scenario';
import { startFakeHma, type FakeHma } from '../../e2e/fakes/hma/server';

export const DEMO_HMA_PORT = 4111;
export const DEMO_CHAT_PORT = 4112;
// Synthetic: they only open the local fakes.
const DEMO_CHAT_SECRET = 'demo-chat-signing-secret-not-secret';
const DEMO_CHAT_TOKEN = 'demo-chat-token-not-secret';
const ctx: Ctx = { actor: { type: 'system', label: 'demo' } };

export interface DemoSafetyHosts { hma: FakeHma; chat: ChatReceiver; close(): Promise<void> }

/** Tests pass port 0 (any free port); the demo uses its fixed ports. */
export async function startDemoSafetyHosts(ports = { hma: DEMO_HMA_PORT, chat: DEMO_CHAT_PORT }): Promise<DemoSafetyHosts> {
  const hma = await startFakeHma({ port: ports.hma, banks: { 'demo-hma-bank': [(await knownBadHashes()).pdqHex] } });
  const chat = await startChatReceiver({ port: ports.chat, secret: DEMO_CHAT_SECRET, token: DEMO_CHAT_TOKEN });
  return { hma, chat, close: async () => { await Promise.all([hma.close(), chat.close()]); } };
}

/** Rules, watch terms and the hook: before the instances connect, so the first sync's matches are held. */
export async function configureDemoSafety(hosts: DemoSafetyHosts): Promise<string[]> {
  const lines: string[] = [];
  const rules = [
    { name: 'Hold known-bad matches (severity 4+)', trigger: 'bank_match', mode: 'live', minSeverity: 4, level: 'sensitive' },
    { name: 'Weighted reports (dry run)', trigger: 'report_score', mode: 'dry_run', minScore: 3, level: 'hide' },
  ] as const;
  for (const rule of rules) {
    if (await db.holdRule.findUnique({ where: { name: rule.name }, select: { id: true } })) continue;
    await saveRule({ ctx, input: { rule } });
    lines.push(`Added the ${rule.mode === 'live' ? 'live' : 'dry-run'} rule "${rule.name}".`);
  }
  for (const term of [{ kind: 'hashtag', value: 'demotrade' }, { kind: 'domain', value: 'offsite.test' }] as const) {
    if (await db.watchTerm.findUnique({ where: { kind_value: term }, select: { id: true } })) continue;
    await saveTerm({ ctx, input: { ...term, note: 'Demo watch term (synthetic).' } });
    lines.push(`Watching ${term.kind} ${term.value}.`);
  }
  if (!(await db.notifyHook.findUnique({ where: { name: 'Demo chat (local fake)' }, select: { id: true } }))) {
    await saveHook({
      ctx,
      input: { name: 'Demo chat (local fake)', kind: 'json', url: `${hosts.chat.url}/hook`, secret: DEMO_CHAT_SECRET, allowPrivate: true, enabled: true, events: ['hold.placed', 'hold.overdue'] },
    });
  }
  lines.push(`Holds are announced to a local chat receiver at ${hosts.chat.url}/hook (signed JSON).`);
  return lines;
}

/** The outside matcher, opted in for every demo instance: after they are connected (it needs their ids). */
export async function configureDemoMatcher(hosts: DemoSafetyHosts): Promise<string> {
  const instanceIds = (await db.instance.findMany({ select: { id: true } })).map((i) => i.id);
  const existing = await db.outsideMatcher.findUnique({ where: { name: 'Demo HMA (local fake)' }, select: { id: true, baseUrl: true } });
  if (!existing) {
    await saveMatcher({
      ctx,
      input: {
        name: 'Demo HMA (local fake)', kind: 'hma', baseUrl: hosts.hma.url, allowPrivate: true, enabled: true, instanceIds,
        signalTypes: ['pdq', 'md5'], severity: 5, label: 'csam', timeoutMs: 3000, perMinute: 600,
      },
    });
  } else {
    await saveMatcher({ ctx, input: { id: existing.id, instanceIds } });
  }
  return `Outside matcher: a fake Hasher-Matcher-Actioner at ${hosts.hma.url} gets the hashes (never images) of every demo instance's media.`;
}

/** A post on the Mastodon fake carrying the watched hashtag and a link to the watched domain. */
export async function postDemoWatchBait(alphaUrl: string): Promise<string> {
  const res = await fetch(`${alphaUrl}/__fake/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ html: '<p>Trading, see <a href="https://offsite.test/x">offsite.test/x</a> #demotrade</p>', tags: ['demotrade'], media: 1 }),
  });
  return res.ok ? 'A post with #demotrade and an offsite.test link is on Alpha: Safety → Watch lists → Scan now puts it in the queue.' : `Could not add the demo watch post (${res.status}).`;
}
