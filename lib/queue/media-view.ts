/**
 * One media item as the report and case pages show it (MediaView): shared by the report's statuses and the case
 * page's item, so both apply the same reveal rules (inline originals, severe matches first). Storage keys stay on
 * the server; the browser only learns whether a preview/original exists.
 */
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/audit/actor';
import { canSeeInstance } from '@/lib/auth/policy';
import type { MediaView } from './detail-types';
import { isInlineImage } from './media-policy';

export const mediaViewSelect = {
  id: true, type: true, state: true, previewKind: true, description: true, mime: true, width: true, height: true,
  error: true, previewKey: true, storageKey: true, pdqQuality: true, remoteDeletedAt: true, sha256: true, md5: true, pdqHash: true,
  matches: {
    where: { bank: { kind: 'match', enabled: true }, entry: { enabled: true } },
    select: { distance: true, variant: true, quality: true, signalType: true, bank: { select: { name: true, label: true, severity: true } } },
  },
  // Issue 14: hits of enabled outside matchers, listed beside the bank matches with the service's name.
  outsideMatches: {
    where: { matcher: { enabled: true } },
    select: { bank: true, matchLabel: true, severity: true, distance: true, signalType: true, matcher: { select: { name: true, label: true } } },
  },
} satisfies Prisma.MediaSelect;

type Row = Prisma.MediaGetPayload<{ select: typeof mediaViewSelect }>;

export function toMediaView({ previewKey, storageKey, matches, outsideMatches, pdqQuality, remoteDeletedAt, sha256, md5, pdqHash, ...m }: Row): MediaView {
  return {
    ...m,
    hashes: { sha256, md5, pdq: pdqHash },
    remoteDeletedAt: remoteDeletedAt?.toISOString() ?? null,
    matches: [
      ...matches.map((x) => ({ bank: x.bank.name, label: x.bank.label, severity: x.bank.severity, distance: x.distance, variant: x.variant, quality: x.quality ?? pdqQuality, signalType: x.signalType })),
      ...outsideMatches.map((o) => ({ bank: o.bank, label: o.matcher.label || o.matchLabel, severity: o.severity, distance: o.distance, variant: 'original', quality: null, signalType: o.signalType, service: o.matcher.name })),
    ]
      .sort((a, b) => b.severity - a.severity || a.distance - b.distance),
    inlineOriginal: isInlineImage(m.mime),
    hasPreview: !!previewKey,
    hasOriginal: !!storageKey,
  };
}

/** A media item the actor may see, or null (absent and invisible read the same). */
export async function getMediaView(ctx: Ctx, mediaId: string): Promise<MediaView | null> {
  const m = await db.media.findUnique({ where: { id: mediaId }, select: { ...mediaViewSelect, instanceId: true } });
  if (!m || !canSeeInstance(ctx.actor, m.instanceId)) return null;
  const { instanceId: _instanceId, ...row } = m;
  return toMediaView(row);
}
