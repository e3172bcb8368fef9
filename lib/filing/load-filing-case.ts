/**
 * The case as a CyberTipline report describes it: read in one place so the preview and the filing verb build the
 * report from the same facts. Every copy counts (the report covers the copies on every instance), in a fixed order
 * so the same case always gives the same XML and SHA-256.
 */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { FilingCaseSnapshot } from './build-report-input';

export async function loadFilingCase(caseId: string): Promise<FilingCaseSnapshot> {
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      number: true, title: true, label: true, severity: true, createdAt: true, sha256: true, md5: true, pdqHash: true,
      originUrl: true, originAcct: true, originAccountUrl: true, originDomain: true,
      copies: { orderBy: [{ foundAt: 'asc' }, { id: 'asc' }], select: { postUrl: true, mediaUrl: true, foundAt: true, instanceId: true, instance: { select: { name: true, baseUrl: true } } } },
      reports: { orderBy: { reportId: 'asc' }, select: { report: { select: { createdAt: true } } } },
    },
  });
  if (!c) throw new AppError('not_found', `case ${caseId} not found`);
  // The origin's software is known when we moderate the origin server ourselves (its detected kind).
  const origin = c.originDomain ? await db.instance.findFirst({ where: { domain: c.originDomain }, orderBy: { createdAt: 'asc' }, select: { kind: true } }) : null;
  return {
    number: c.number, title: c.title, label: c.label, severity: c.severity, createdAt: c.createdAt,
    hashes: { sha256: c.sha256, md5: c.md5, pdq: c.pdqHash },
    origin: { url: c.originUrl, acct: c.originAcct, accountUrl: c.originAccountUrl, domain: c.originDomain, serverKind: origin?.kind ?? null },
    copies: c.copies.map((k) => ({ instanceName: k.instance.name, instanceId: k.instanceId, instanceUrl: k.instance.baseUrl, postUrl: k.postUrl, mediaUrl: k.mediaUrl, foundAt: k.foundAt })),
    reportCreatedAt: c.reports.map((r) => r.report.createdAt),
  };
}
