/**
 * Rows for the queue tests, written with Prisma directly. Synthetic, harmless data only.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import { db } from '@/lib/db';
import type { UserActor } from '@/lib/auth/current-actor';
import { getMediaStore } from '@/lib/storage';

let n = 0;
const next = () => ++n;

export async function makeInstance(name: string) {
  const i = next();
  return db.instance.create({
    data: { name, kind: 'mastodon', baseUrl: `https://${name}-${i}.example`, domain: `${name}-${i}.example`, tokenSealed: 'sealed', webhookSecretSealed: 'sealed', status: 'ok' },
  });
}

export async function makeAccount(instanceId: string, acct = `user${next()}`) {
  return db.account.create({ data: { instanceId, remoteId: `acc-${next()}`, username: acct, acct, displayName: `Name of ${acct}`, domain: null, url: `https://example.test/@${acct}` } });
}

export interface ReportSeed {
  instanceId: string;
  targetId: string;
  reporterId?: string | null;
  assigneeId?: string | null;
  status?: 'open' | 'resolved';
  category?: string;
  mediaCount?: number;
  priority?: number;
  remoteCreatedAt?: Date;
  comment?: string;
}

export async function makeReport(s: ReportSeed) {
  return db.report.create({
    data: {
      instanceId: s.instanceId, targetId: s.targetId, reporterId: s.reporterId ?? null, assigneeId: s.assigneeId ?? null,
      remoteId: `r-${next()}`, status: s.status ?? 'open', category: s.category ?? 'other', comment: s.comment ?? 'a comment',
      mediaCount: s.mediaCount ?? 0, priority: s.priority ?? 0, remoteCreatedAt: s.remoteCreatedAt ?? new Date(), contentHash: crypto.randomUUID(),
    },
  });
}

export async function makeUser(role: 'owner' | 'admin' | 'moderator' | 'viewer' = 'moderator') {
  return db.user.create({ data: { email: `u${next()}-${crypto.randomUUID()}@example.test`, passwordHash: 'x', role } });
}

export function actorFor(user: { id: string; email: string; role: UserActor['role'] }, instanceIds: string[] | null = null): UserActor {
  return { type: 'user', id: user.id, email: user.email, role: user.role, instanceIds, ip: '127.0.0.1' };
}

/** A status on the report with one image whose original and blurred preview are in the encrypted store. */
export async function makeMediaForReport(reportId: string, instanceId: string, opts: { mime?: string; type?: string } = {}) {
  const status = await db.status.create({ data: { instanceId, remoteId: `s-${next()}`, contentHtml: '<p>hello <script>alert(1)</script></p>' } });
  await db.reportStatusLink.create({ data: { reportId, statusId: status.id } });
  const media = await db.media.create({
    data: { instanceId, statusId: status.id, remoteId: `m-${next()}`, type: opts.type ?? 'image', url: 'https://example.test/m.png', description: 'a <b>test</b> picture' },
  });
  const original = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer();
  const preview = await sharp(original).blur(8).webp().toBuffer();
  const base = `media/${instanceId}/${media.id}`;
  const store = await getMediaStore();
  await store.put(`${base}/original`, original);
  await store.put(`${base}/preview`, preview);
  await db.media.update({
    where: { id: media.id },
    data: { state: 'done', mime: opts.mime ?? 'image/png', width: 64, height: 48, storageKey: `${base}/original`, previewKey: `${base}/preview`, previewKind: 'blurred-image' },
  });
  return { media, status, original, preview };
}
