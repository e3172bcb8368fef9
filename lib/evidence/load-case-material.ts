/** The database rows a seal is made of: the case, its copies with their posts and accounts, its linked reports. */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

const accountSelect = {
  id: true, remoteId: true, username: true, acct: true, displayName: true, url: true, avatarUrl: true, domain: true,
  suspended: true, silenced: true, sensitized: true, disabled: true, updatedAt: true,
} as const;
const statusSelect = {
  id: true, remoteId: true, url: true, uri: true, contentHtml: true, spoilerText: true, sensitive: true, visibility: true,
  remoteCreatedAt: true, remoteState: true, account: { select: accountSelect },
} as const;

export async function loadCaseMaterial(caseId: string) {
  const c = await db.case.findUnique({ where: { id: caseId } });
  if (!c) throw new AppError('not_found', `case ${caseId} not found`);
  const primary = c.primaryMediaId ? await db.media.findUnique({ where: { id: c.primaryMediaId }, select: { id: true, storageKey: true, mime: true } }) : null;
  const copies = await db.caseCopy.findMany({
    where: { caseId },
    orderBy: [{ foundAt: 'asc' }, { id: 'asc' }],
    include: {
      instance: { select: { id: true, name: true, kind: true, baseUrl: true, domain: true, allowPrivate: true } },
      media: { select: { id: true, storageKey: true, mime: true, sha256: true, md5: true, pdqHash: true, url: true, remoteUrl: true, status: { select: statusSelect } } },
    },
  });
  // A copy found by a remote lookup has no media row: its post and account are the synced rows with its ids, if any.
  const withPosts = await Promise.all(copies.map(async (copy) => {
    const status = copy.media?.status ?? (copy.remotePostId
      ? await db.status.findUnique({ where: { instanceId_remoteId: { instanceId: copy.instanceId, remoteId: copy.remotePostId } }, select: statusSelect })
      : null);
    const account = status?.account ?? (copy.remoteAccountId
      ? await db.account.findUnique({ where: { instanceId_remoteId: { instanceId: copy.instanceId, remoteId: copy.remoteAccountId } }, select: accountSelect })
      : null);
    return { copy, status, account };
  }));
  const reports = await db.caseReport.findMany({
    where: { caseId },
    orderBy: [{ linkedAt: 'asc' }, { reportId: 'asc' }],
    include: {
      report: {
        select: {
          id: true, remoteId: true, status: true, category: true, comment: true, forwarded: true, rules: true, remoteCreatedAt: true,
          remoteUpdatedAt: true, resolvedAt: true, instance: { select: { id: true, name: true, baseUrl: true } },
          reporter: { select: { acct: true, remoteId: true } }, target: { select: { acct: true, remoteId: true } },
          statuses: { select: { status: { select: { remoteId: true, uri: true, url: true } } } },
        },
      },
    },
  });
  return { case: c, primary, copies: withPosts, reports };
}

export type CaseMaterial = Awaited<ReturnType<typeof loadCaseMaterial>>;
