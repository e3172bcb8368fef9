/** Shared by the watch tests: posting to a fake, making terms as an admin, and reading a watch item back. */
import { db } from '@/lib/db';
import { saveTerm } from '@/lib/watch/save-term';
import type { WatchKind } from '@/lib/watch/types';
import { systemActor } from './support/fixtures';

export async function fakePost(url: string, body: { html: string; tags?: string[]; media?: number; acct?: string; malformed?: boolean }): Promise<string> {
  const res = await fetch(`${url}/__fake/posts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`fake post failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export function watch(kind: WatchKind, value: string, instanceIds?: string[]) {
  return saveTerm({ ctx: { actor: systemActor }, input: { kind, value, instanceIds } });
}

export function watchItem(instanceId: string, postId: string) {
  return db.report.findUnique({ where: { instanceId_remoteId: { instanceId, remoteId: `watch:${postId}` } } });
}
