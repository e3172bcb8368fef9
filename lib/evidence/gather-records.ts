/**
 * The JSON records of a seal: the case (hashes, origin, timestamps), the list of copies (where each copy's bytes
 * are in the bundle), each copy's post (text and HTML) and account as its instance reported them, and the linked
 * reports. Field lists are explicit: nothing secret (tokens, sealed columns) can slip into an export.
 */
import { htmlToText } from '@/lib/reports/sanitize-html';
import type { CaseMaterial } from './load-case-material';
import { jsonItem, type GatheredItem } from './gathered';

export function gatherRecords(m: CaseMaterial, fileOf: Map<string, string>): GatheredItem[] {
  const c = m.case;
  const items: GatheredItem[] = [jsonItem('case.json', {
    id: c.id, number: c.number, title: c.title, state: c.state, severity: c.severity, label: c.label, openedVia: c.openedVia,
    openedByLabel: c.openedByLabel, createdAt: c.createdAt, primaryMediaId: c.primaryMediaId,
    hashes: { sha256: c.sha256, md5: c.md5, pdq: c.pdqHash, pdqQuality: c.pdqQuality },
    origin: { uri: c.originUri, url: c.originUrl, mediaUrl: c.originMediaUrl, acct: c.originAcct, accountUrl: c.originAccountUrl, domain: c.originDomain },
    bestMatch: c.bestMatch,
  }, `case:${c.id}`)];
  const copies = m.copies.map(({ copy, status, account }) => ({
    id: copy.id, copyKey: copy.copyKey,
    instance: { id: copy.instance.id, name: copy.instance.name, kind: copy.instance.kind, baseUrl: copy.instance.baseUrl, domain: copy.instance.domain },
    remotePostId: copy.remotePostId, postUrl: copy.postUrl, remoteMediaId: copy.remoteMediaId, mediaUrl: copy.mediaUrl,
    originUri: copy.originUri, originMediaUrl: copy.originMediaUrl, accountAcct: copy.accountAcct, remoteAccountId: copy.remoteAccountId,
    foundBy: copy.foundBy, foundVia: copy.foundVia, distance: copy.distance, variant: copy.variant, state: copy.state, stateDetail: copy.stateDetail,
    foundAt: copy.foundAt, checkedAt: copy.checkedAt,
    media: copy.media ? { id: copy.media.id, url: copy.media.url, remoteUrl: copy.media.remoteUrl, sha256: copy.media.sha256, md5: copy.media.md5, pdq: copy.media.pdqHash } : null,
    file: fileOf.get(copy.id) ?? null,
    post: status ? `posts/${copy.id}.json` : null,
    account: account ? `accounts/${copy.id}.json` : null,
  }));
  items.push(jsonItem('copies.json', copies, 'database:CaseCopy'));
  items.push(jsonItem('reports.json', m.reports.map(({ report: r, linkedAt }) => ({
    id: r.id, instance: r.instance, remoteId: r.remoteId, status: r.status, category: r.category, comment: r.comment, forwarded: r.forwarded,
    rules: r.rules, reporter: r.reporter, target: r.target, remoteCreatedAt: r.remoteCreatedAt, remoteUpdatedAt: r.remoteUpdatedAt,
    resolvedAt: r.resolvedAt, linkedAt, statuses: r.statuses.map((s) => s.status),
  })), 'database:Report'));
  for (const { copy, status, account } of m.copies) {
    if (status) {
      const { account: _omit, ...post } = status;
      items.push(jsonItem(`posts/${copy.id}.json`, { ...post, text: htmlToText(status.contentHtml) }, `database:Status:${status.id}`));
    }
    if (account) items.push(jsonItem(`accounts/${copy.id}.json`, account, `database:Account:${account.id}`));
  }
  return items;
}
