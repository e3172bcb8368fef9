/**
 * Everything we hold about one remote account across the connected instances the actor can see: its state on
 * each, the reports against it, its posts with media in our store, and the cases that involve it.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import type { Prisma } from '@/lib/generated/prisma/client';
import { caseList, excerpt, reportList } from './actor-lists';
import { loadAccountStates } from './get-account-states';
import type { AccountProfile, ActorPost } from './types';

const POSTS = 60;

function safeHttp(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function plainText(html: string): string {
  return html.replace(/<br\s*\/?>/gi, ' ').replace(/<\/p>/gi, ' ').replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

export async function getAccountProfile({ ctx, input }: { ctx: Ctx; input: { handle: string } }): Promise<AccountProfile> {
  const loaded = await loadAccountStates(ctx, input.handle);
  const ids = loaded.accounts.map((a) => a.id);
  const first = loaded.accounts[0] ?? null;
  const caseWhere: Prisma.CaseWhereInput = {
    OR: [
      { originAcct: { equals: loaded.handle, mode: 'insensitive' } },
      ...(ids.length ? [{ reports: { some: { report: { targetId: { in: ids } } } } }] : []),
      ...(loaded.accounts.length
        ? [{ copies: { some: { OR: loaded.accounts.map((a) => ({ instanceId: a.instanceId, remoteAccountId: a.remoteId })) } } }]
        : []),
    ],
  };
  const [reports, statuses, cases] = await Promise.all([
    ids.length ? reportList({ targetId: { in: ids } }, 200) : Promise.resolve([]),
    ids.length
      ? db.status.findMany({
          where: { accountId: { in: ids }, media: { some: {} } },
          select: {
            id: true, url: true, contentHtml: true, spoilerText: true, remoteState: true, remoteCreatedAt: true,
            instance: { select: { id: true, name: true, kind: true, domain: true } },
            media: { select: { id: true, type: true, description: true, previewKey: true }, orderBy: { createdAt: 'asc' } },
          },
          orderBy: [{ remoteCreatedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
          take: POSTS,
        })
      : Promise.resolve([]),
    caseList(ctx.actor, caseWhere),
  ]);
  const posts: ActorPost[] = statuses.map((s) => ({
    id: s.id, instance: s.instance, url: safeHttp(s.url), excerpt: excerpt(plainText(`${s.spoilerText} ${s.contentHtml}`), 240),
    remoteState: s.remoteState, remoteCreatedAt: s.remoteCreatedAt?.toISOString() ?? null,
    media: s.media.map((m) => ({ id: m.id, type: m.type, description: m.description, hasPreview: m.previewKey !== null })),
  }));
  return {
    handle: loaded.handle, username: loaded.username, domain: loaded.domain,
    displayName: first?.displayName ?? '', avatarUrl: safeHttp(first?.avatarUrl ?? null), url: safeHttp(first?.url ?? null),
    states: loaded.states, reports, posts, cases,
    canAct: hasRole(ctx.actor, 'moderator') && loaded.instances.length > 0,
  };
}
