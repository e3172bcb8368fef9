/** Property (issue 8, point 1) for Misskey's report list and the notes it links: see ../shared/fuzz-pages.ts. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkListing, fakeFetch, hostileValue, json, mutate, mutations, RUNS, SECRET } from '../shared/fuzz-pages';
import { createMisskeyConnector } from './connector';
import { safeId } from './parse-remote';

const N = 8;
const BASE = 'https://mk.example';
const aid = (n: number) => `9x${n.toString(36).padStart(8, '0')}`;

const user = (n: number, host: string | null) => ({
  id: aid(n), name: `user ${n}`, username: `user${n}`, host, avatarUrl: `${BASE}/identicon/${n}`, createdAt: '2024-10-01T00:00:00.000Z',
  url: host ? `https://${host}/@user${n}` : null, uri: host ? `https://${host}/users/${n}` : null, isSuspended: false, isSilenced: false,
  isModerator: false, isAdmin: false,
});

/** admin/abuse-user-reports' packed AbuseUserReport, with a note link in the comment as the report form writes it. */
function misskeyReport(i: number) {
  return {
    id: aid(100_000 + i), createdAt: '2026-01-05T06:07:08.000Z', comment: `${SECRET} report ${i}\nNote: ${BASE}/notes/${aid(50_000 + i)}`,
    resolved: false, reporterId: aid(10 + i), targetUserId: aid(500 + i), assigneeId: null, reporter: user(10 + i, null),
    targetUser: user(500 + i, 'remote.example'), assignee: null, forwarded: false, resolvedAs: null, moderationNote: '',
  };
}

function note(noteId: string) {
  return {
    id: noteId, createdAt: '2026-01-05T00:00:00.000Z', userId: aid(1), text: `${SECRET} note`, cw: null, visibility: 'public', uri: null, url: null,
    files: [{
      id: `${noteId}f`, type: 'image/png', url: `${BASE}/files/${noteId}`, thumbnailUrl: `${BASE}/files/${noteId}?thumbnail=1`, comment: null,
      isSensitive: false, properties: { width: 10, height: 10 },
    }],
  };
}

describe('misskey listReports (property)', () => {
  it('completes, returns every untouched report writable, and skips the rest with a clean reason', async () => {
    const items = Array.from({ length: N }, (_, i) => misskeyReport(i));
    await fc.assert(
      fc.asyncProperty(mutations(N), fc.oneof(fc.constant('ok'), fc.constant('gone'), fc.constant('broken'), hostileValue), async (muts, noteAnswer) => {
        const { raw, touched } = mutate(items, muts);
        const connector = createMisskeyConnector({
          baseUrl: BASE, token: 'tok', sleep: async () => {},
          fetch: fakeFetch((url, init) => {
            if (url.pathname === '/api/admin/abuse-user-reports') return json(raw);
            if (url.pathname !== '/api/notes/show') return null;
            // A deleted note (400 NO_SUCH_NOTE, as Misskey answers), a good one, or a note that is itself garbage.
            if (noteAnswer === 'gone') return json({ error: { message: 'No such note.', code: 'NO_SUCH_NOTE', id: '24fcbfc6-2e37-42b6-8388-c29b3861a08d', kind: 'client' } }, { status: 400 });
            if (noteAnswer === 'broken') return json({ error: { message: `${SECRET} boom`, code: 'INTERNAL_ERROR', id: '5d37dbcb-891e-41ca-a3d6-e690c97775ac', kind: 'server' } }, { status: 500 });
            const noteId = String(JSON.parse(String(init?.body ?? '{}')).noteId);
            return json(noteAnswer === 'ok' ? note(noteId) : { ...note(noteId), text: noteAnswer, createdAt: noteAnswer });
          }),
        });
        // A note the server fails to serve (500) skips the reports linking it, untouched or not.
        await checkListing({
          connector, input: { resolved: false, limit: 100 }, raw,
          untouchedIds: noteAnswer === 'broken' ? [] : items.filter((_, i) => !touched.has(i)).map((r) => r.id), refreshable: safeId,
        });
      }),
      RUNS,
    );
  });
});
