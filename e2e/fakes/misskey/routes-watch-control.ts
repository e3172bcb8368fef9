/**
 * Watch-list control routes (issue 14): POST /__fake/posts adds a public note (returns {id}); POST
 * /__fake/watch-settings flips the role policies behind the timelines and search. Loopback only, like the rest.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { readJsonBody, type Reply } from './http';
import { addNote, addUser } from './seed';
import type { FakeMisskeyState } from './state';

const newPost = z.object({
  html: z.string().max(10_000),
  tags: z.array(z.string().min(1).max(100)).max(20).optional(),
  media: z.number().int().min(0).max(4).optional(),
  acct: z.string().regex(/^[\w.-]+(@[\w.-]+)?$/).optional(),
  url: z.string().url().optional(),
  renoteOf: z.string().optional(),
  malformed: z.boolean().optional(),
});
const settings = z.object({ gtl: z.boolean().optional(), ltl: z.boolean().optional(), search: z.boolean().optional() });

export const WATCH_CONTROL_PATHS = ['/__fake/posts', '/__fake/watch-settings'];

export async function handleWatchControl(state: FakeMisskeyState, req: IncomingMessage, url: URL): Promise<Reply> {
  if (req.method !== 'POST') return { status: 404, json: { error: 'unknown control route' } };
  const body = await readJsonBody(req).catch(() => ({}));
  if (url.pathname === '/__fake/watch-settings') {
    const input = settings.safeParse(body);
    if (!input.success) return { status: 400, json: { error: z.prettifyError(input.error) } };
    Object.assign(state.watch, input.data);
    return { json: { ...state.watch } };
  }
  const input = newPost.safeParse(body);
  if (!input.success) return { status: 400, json: { error: z.prettifyError(input.error) } };
  const { html, tags, media, acct, url: link, renoteOf, malformed } = input.data;
  const note = addNote(state, userFor(state, acct), media ?? 0);
  // Misskey notes are MFM text; a link is part of the text, as a user pastes it.
  note.text = renoteOf && !html ? null : link ? `${html}\n${link}` : html;
  note.tags = tags ?? [...html.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1].toLowerCase());
  if (renoteOf) note.renoteId = renoteOf;
  if (malformed) note.malformed = true;
  return { json: { id: note.id } };
}

function userFor(state: FakeMisskeyState, acct: string | undefined): string {
  if (!acct) return state.localIds[0];
  const [username, host = null] = acct.split('@');
  const known = [...state.users.values()].find((u) => u.username === username && u.host === host);
  return known ? known.id : addUser(state, { username, host }).id;
}
