/**
 * The route handlers' headers and choke point. The session layer is replaced by a stub actor: sign-in itself
 * is tested with the auth code; here we check what each route sends and that it asks for a session first.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { actorFor, makeAccount, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const { GET: queueGet } = await import('@/app/api/queue/route');
const { GET: reportGet } = await import('@/app/api/reports/[id]/route');
const { GET: previewGet } = await import('@/app/api/media/[id]/preview/route');
const { GET: originalGet } = await import('@/app/api/media/[id]/original/route');

const params = (id: string) => ({ params: Promise.resolve({ id }) });
let seeded: Awaited<ReturnType<typeof makeMediaForReport>> & { reportId: string };

beforeAll(async () => {
  const inst = await makeInstance('routes');
  const report = await makeReport({ instanceId: inst.id, targetId: (await makeAccount(inst.id)).id, mediaCount: 1 });
  seeded = { ...(await makeMediaForReport(report.id, inst.id)), reportId: report.id };
  session.actor = actorFor(await makeUser('moderator'));
});

describe('queue and media routes', () => {
  it('parses queue filters and refuses bad ones', async () => {
    const ok = await queueGet(new Request('http://app.test/api/queue?sort=priority&hasMedia=1'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect((await ok.json()).items.map((r: { id: string }) => r.id)).toEqual([seeded.reportId]);
    expect((await queueGet(new Request('http://app.test/api/queue?sort=random'))).status).toBe(400);
    expect((await reportGet(new Request('http://app.test/api/reports/x'), params('not-a-uuid'))).status).toBe(400);
  });

  it('serves the preview and the original with no-store, nosniff and a locked-down CSP', async () => {
    const id = seeded.media.id;
    const preview = await previewGet(new Request(`http://app.test/api/media/${id}/preview?gray=1`), params(id));
    const original = await originalGet(new Request(`http://app.test/api/media/${id}/original?report=${seeded.reportId}`), params(id));
    for (const res of [preview, original]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect(preview.headers.get('content-type')).toBe('image/webp');
    expect(original.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(Buffer.from(await original.arrayBuffer()).equals(seeded.original)).toBe(true);
    const download = await originalGet(new Request(`http://app.test/api/media/${id}/original?download=1`), params(id));
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="media-[0-9a-f-]+\.png"$/);
  });

  it('answers 401 without a session', async () => {
    const saved = session.actor;
    session.actor = null;
    try {
      const res = await originalGet(new Request(`http://app.test/api/media/${seeded.media.id}/original`), params(seeded.media.id));
      expect(res.status).toBe(401);
    } finally {
      session.actor = saved;
    }
  });
});
