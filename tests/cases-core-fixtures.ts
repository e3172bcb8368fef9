/**
 * Rows for the case tests, written with Prisma directly: instances, posts (Status with its ActivityPub uri) by an
 * account, media rows hashed from REAL synthetic images (tests/matching-fixtures hashesOf), and reports showing them.
 */
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import { KNOWN_BAD, knownBadImage, type KnownBadVariant } from '@/e2e/fakes/federation/known-bad';
import { syntheticImage } from '@/e2e/fakes/images';
import { hashesOf, type Hashes } from './matching-fixtures';

let n = 0;
const next = () => ++n;

export async function makeInstance(name = `inst-${next()}`): Promise<string> {
  const row = await db.instance.create({
    data: { name, kind: 'mastodon', baseUrl: `https://${name}-${crypto.randomUUID().slice(0, 8)}.example`, domain: `${name}.example`, tokenSealed: 'sealed', webhookSecretSealed: 'sealed', status: 'ok' },
  });
  return row.id;
}

const hashCache = new Map<string, Promise<Hashes>>();
export function knownBadHashes(variant: KnownBadVariant = 'original'): Promise<Hashes> {
  let h = hashCache.get(variant);
  if (!h) { h = knownBadImage(variant).then(hashesOf); hashCache.set(variant, h); }
  return h;
}

export async function unrelatedHashes(seed = 4242): Promise<Hashes> {
  return hashesOf(await syntheticImage(seed, { width: 320, height: 240, format: 'png' }));
}

export interface PostOpts { reported?: boolean; reportStatus?: 'open' | 'resolved'; statusUri?: string | null; acct?: string; domain?: string | null }

/**
 * One federated copy of a post on `instanceId`: the remote account, the status, one media row with `hashes`
 * (state done), and with `reported` an open report against it.
 */
export async function makePost(instanceId: string, hashes: Partial<Hashes> | null, opts: PostOpts = {}) {
  const i = next();
  const account = await db.account.create({
    data: { instanceId, remoteId: `acc-${i}`, username: 'spreader', acct: opts.acct ?? KNOWN_BAD.account.acct, domain: opts.domain === undefined ? KNOWN_BAD.originDomain : opts.domain, url: KNOWN_BAD.account.url },
  });
  const status = await db.status.create({
    data: { instanceId, remoteId: `st-${i}`, accountId: account.id, url: `https://local.example/@spreader/${i}`, uri: opts.statusUri === undefined ? KNOWN_BAD.post.uri : opts.statusUri },
  });
  const media = hashes
    ? await db.media.create({
      data: {
        instanceId, statusId: status.id, remoteId: `md-${i}`, type: 'image', url: `https://local.example/media/${i}.png`, remoteUrl: KNOWN_BAD.media.originUrl,
        state: 'done', sha256: hashes.sha256 ?? null, md5: hashes.md5 ?? null, pdqHash: hashes.pdqHash ?? null, pdqQuality: hashes.pdqQuality ?? null, pdqDihedral: hashes.pdqDihedral ?? undefined,
      },
    })
    : null;
  let report = null;
  if (opts.reported) {
    report = await db.report.create({
      data: { instanceId, remoteId: `rp-${i}`, status: opts.reportStatus ?? 'open', category: 'other', targetId: account.id, mediaCount: media ? 1 : 0, statusCount: 1, remoteCreatedAt: new Date(), contentHash: crypto.randomUUID(), comment: KNOWN_BAD.reportComment },
    });
    await db.reportStatusLink.create({ data: { reportId: report.id, statusId: status.id } });
  }
  return { accountId: account.id, statusId: status.id, mediaId: media?.id ?? null, reportId: report?.id ?? null, statusRemoteId: status.remoteId };
}

/** A match bank holding `pdq` (and its entry), like the demo bank. */
export async function makeBankWith(pdq: string, opts: { severity: number; label: string | null }) {
  const bank = await db.hashBank.create({ data: { name: `bank-${next()}-${crypto.randomUUID()}`, kind: 'match', severity: opts.severity, label: opts.label } });
  const entry = await db.bankEntry.create({ data: { bankId: bank.id, signalType: 'pdq', value: pdq } });
  await db.bankChange.create({ data: { bankId: bank.id, entryId: entry.id, op: 'add' } });
  return { bank, entry };
}
