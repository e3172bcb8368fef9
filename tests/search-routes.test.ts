/** GET /api/search: the choke point (401 without a session, viewers read), query-string parsing and clear 400s. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import type { SearchResult } from '@/lib/search/types';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const route = await import('@/app/api/search/route');
let viewer: UserActor;
let reportId: string;

beforeAll(async () => {
  viewer = actorFor(await makeUser('viewer'));
  const inst = await makeInstance('searchroute');
  reportId = (await makeReport({ instanceId: inst.id, targetId: (await makeAccount(inst.id)).id, comment: 'a pangolin in the comment' })).id;
});

describe('GET /api/search', () => {
  it('401 without a session; a viewer gets the chosen kinds', async () => {
    session.actor = null;
    expect((await route.GET(jsonRequest('/api/search?q=pangolin'))).status).toBe(401);
    session.actor = viewer;
    const res = await route.GET(jsonRequest('/api/search?q=pangolin&kind=reports,notes&limit=5'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as SearchResult;
    expect(body.groups.map((g) => g.kind)).toEqual(['reports', 'notes']);
    expect(body.groups[0].items.map((i) => i.href)).toEqual([`/reports/${reportId}`]);
  });

  it('400 with a readable message for a missing q, an unknown kind or a bad limit', async () => {
    session.actor = viewer;
    for (const [path, text] of [['/api/search', 'Type something'], ['/api/search?q=a&kind=people', 'Search kinds are'], ['/api/search?q=a&limit=x', 'limit']] as const) {
      const res = await route.GET(jsonRequest(path));
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, path).toContain(text);
    }
  });
});
