/**
 * Rows for the matching tests, written with Prisma directly: banks, entries with their BankChange rows (as the
 * bank verbs write them), and reports whose media carry hashes. Synthetic images only: shapes drawn as SVG.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import { db } from '@/lib/db';
import { pdqHashBuffer } from '@/lib/hashing/pdq';
import { computePriority } from '@/lib/queue/priority';

let n = 0;
const next = () => ++n;

export async function makeBank(kind: 'match' | 'allow' = 'match', severity = 3) {
  return db.hashBank.create({ data: { name: `bank-${next()}-${crypto.randomUUID()}`, kind, severity: kind === 'allow' ? 0 : severity, label: kind === 'match' ? 'other' : null } });
}

export async function addEntry(bankId: string, signalType: 'pdq' | 'md5' | 'sha256', value: string) {
  const entry = await db.bankEntry.create({ data: { bankId, signalType, value } });
  await db.bankChange.create({ data: { bankId, entryId: entry.id, op: 'add' } });
  return entry;
}

export async function setEntryEnabled(entry: { id: bigint; bankId: string }, enabled: boolean) {
  await db.bankEntry.update({ where: { id: entry.id }, data: { enabled } });
  await db.bankChange.create({ data: { bankId: entry.bankId, entryId: entry.id, op: enabled ? 'add' : 'remove' } });
}

export async function setBankEnabled(bankId: string, enabled: boolean) {
  await db.hashBank.update({ where: { id: bankId }, data: { enabled } });
  await db.bankChange.create({ data: { bankId, op: 'bank' } });
}

export interface Hashes { pdqHash: string | null; pdqQuality: number | null; pdqDihedral: Record<string, string> | null; md5: string | null; sha256: string | null }

export async function hashesOf(buf: Buffer): Promise<Hashes> {
  const pdq = await pdqHashBuffer(buf);
  return {
    pdqHash: pdq.hash, pdqQuality: pdq.quality, pdqDihedral: { ...pdq.dihedral },
    md5: crypto.createHash('md5').update(buf).digest('hex'), sha256: crypto.createHash('sha256').update(buf).digest('hex'),
  };
}

let instanceId: string | null = null;
async function instance(): Promise<string> {
  instanceId ??= (await db.instance.create({
    data: { name: 'matching', kind: 'mastodon', baseUrl: `https://matching-${crypto.randomUUID()}.example`, domain: 'matching.example', tokenSealed: 'sealed', webhookSecretSealed: 'sealed', status: 'ok' },
  })).id;
  return instanceId;
}

/** An open report with one status holding one media row per entry of `media` (state done, with those hashes). */
export async function makeReport(media: Partial<Hashes>[], opts: { category?: string } = {}) {
  const inst = await instance();
  const target = await db.account.create({ data: { instanceId: inst, remoteId: `a-${next()}`, username: 'target', acct: `target${n}` } });
  const category = opts.category ?? 'spam';
  const priority = computePriority({ severity: 0, distance: null, quality: null, reportCount: 1, ageHours: 0, category, mediaCount: media.length });
  const report = await db.report.create({
    data: { instanceId: inst, remoteId: `r-${next()}`, status: 'open', category, targetId: target.id, mediaCount: media.length, priority, remoteCreatedAt: new Date(), contentHash: crypto.randomUUID() },
  });
  const status = await db.status.create({ data: { instanceId: inst, remoteId: `s-${next()}`, accountId: target.id } });
  await db.reportStatusLink.create({ data: { reportId: report.id, statusId: status.id } });
  const mediaIds: string[] = [];
  for (const h of media) {
    const row = await db.media.create({
      data: { instanceId: inst, statusId: status.id, remoteId: `m-${next()}`, type: 'image', url: 'https://example.test/m.png', state: 'done', ...h, pdqDihedral: h.pdqDihedral ?? undefined },
    });
    mediaIds.push(row.id);
  }
  return { report, mediaIds, instanceId: inst };
}

/** An asymmetric synthetic picture (gradient and coloured shapes), so every rotation and flip hashes differently. */
export async function shapesPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0.3"><stop offset="0" stop-color="#1d3557"/><stop offset="1" stop-color="#f1faee"/></linearGradient></defs>
    <rect width="320" height="320" fill="url(#g)"/><circle cx="90" cy="80" r="50" fill="#e63946"/>
    <rect x="170" y="190" width="120" height="60" fill="#2a9d8f"/><polygon points="40,300 120,180 150,290" fill="#f4a261"/>
    <rect x="200" y="30" width="30" height="120" fill="#264653"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
