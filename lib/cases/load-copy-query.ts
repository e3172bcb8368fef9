/**
 * Reads what buildCopyQuery needs for one case: the case, its primary media's post and account, and the origin file
 * URLs recorded by its copies and by every file we hold of the origin post (a case opened before its media was
 * hashed has no primary media; without these, kinds that look posts up by file URL only, like Lemmy 0.19, could
 * not check until a second search).
 */
import { db } from '@/lib/db';
import type { CopyQuery } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { buildCopyQuery } from './build-copy-query';

export async function loadCopyQuery(caseId: string): Promise<CopyQuery> {
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      originUri: true, originUrl: true, originMediaUrl: true, originAcct: true, originAccountUrl: true, primaryMediaId: true,
      copies: { select: { originMediaUrl: true }, where: { originMediaUrl: { not: null } }, distinct: ['originMediaUrl'], take: 20 },
    },
  });
  if (!c) throw new AppError('not_found', `case ${caseId} not found`);
  const m = c.primaryMediaId
    ? await db.media.findUnique({
      where: { id: c.primaryMediaId },
      select: {
        url: true, remoteUrl: true, instance: { select: { domain: true } },
        status: { select: { uri: true, url: true, account: { select: { acct: true, url: true } } } },
      },
    })
    : null;
  const held = c.originUri
    ? await db.media.findMany({ where: { status: { uri: c.originUri }, remoteUrl: { not: null } }, select: { remoteUrl: true }, distinct: ['remoteUrl'], take: 20 })
    : [];
  return buildCopyQuery({
    ...c,
    copyOriginMediaUrls: [...c.copies.map((x) => x.originMediaUrl), ...held.map((x) => x.remoteUrl)],
    primary: m ? { remoteUrl: m.remoteUrl, url: m.url, status: m.status, account: m.status?.account ?? null, instanceDomain: m.instance.domain } : null,
  });
}
