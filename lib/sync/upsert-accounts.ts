/**
 * Accounts of a batch of reports, written in two statements whatever the batch size. A flag the payload does
 * not carry (undefined: PeerTube abuses have no block state, Misskey's UserLite no isSuspended) keeps the stored
 * value (contract I1); a new row starts false. Likewise a missing url/avatar keeps the stored one, and so does a missing
 * or unreadable account creation date (an account's age never becomes unknown again once a payload said it).
 */
import type { Tx } from '@/lib/db';
import type { RemoteAccount } from '@/lib/connectors/types';

const FLAGS = ['suspended', 'silenced', 'sensitized', 'disabled'] as const;

/** One entry per remote id; a later mention wins for names, a defined flag wins over an undefined one. */
export function dedupeAccounts(accounts: RemoteAccount[]): RemoteAccount[] {
  const byId = new Map<string, RemoteAccount>();
  for (const a of accounts) {
    const prev = byId.get(a.remoteId);
    if (!prev) {
      byId.set(a.remoteId, a);
      continue;
    }
    const merged: RemoteAccount = { ...prev, ...a };
    for (const f of FLAGS) merged[f] = a[f] ?? prev[f];
    merged.createdAt = a.createdAt ?? prev.createdAt;
    byId.set(a.remoteId, merged);
  }
  return [...byId.values()];
}

/**
 * UTC ISO text (the column is a timestamp without zone, as Prisma writes it), or null: a garbage or out-of-range
 * date from a server ("+275760-…") must not fail the page's transaction.
 */
function isoOrNull(v: string | null | undefined): string | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return null;
  const iso = new Date(t).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

function rows(accounts: RemoteAccount[]) {
  return JSON.stringify(accounts.map((a) => ({
    remoteId: a.remoteId, username: a.username, acct: a.acct, displayName: a.displayName ?? '', url: a.url ?? null,
    avatarUrl: a.avatarUrl ?? null, domain: a.domain ?? null, remoteCreatedAt: isoOrNull(a.createdAt),
    suspended: a.suspended ?? null, silenced: a.silenced ?? null, sensitized: a.sensitized ?? null, disabled: a.disabled ?? null,
  })));
}

const RECORD = `"remoteId" text, username text, acct text, "displayName" text, url text, "avatarUrl" text, domain text,
  "remoteCreatedAt" timestamp(3), suspended boolean, silenced boolean, sensitized boolean, disabled boolean`;

/** Upserts by (instance, remote id); returns remote id -> our id. */
export async function upsertAccounts(tx: Tx, instanceId: string, accounts: RemoteAccount[]): Promise<Map<string, string>> {
  const unique = dedupeAccounts(accounts);
  if (unique.length === 0) return new Map();
  const json = rows(unique);
  const written = await tx.$queryRawUnsafe<Array<{ id: string; remoteId: string }>>(
    `INSERT INTO "Account" ("id", "instanceId", "remoteId", "username", "acct", "displayName", "url", "avatarUrl", "domain",
       "remoteCreatedAt", "suspended", "silenced", "sensitized", "disabled", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, v."remoteId", v.username, v.acct, v."displayName", v.url, v."avatarUrl", v.domain,
       v."remoteCreatedAt", COALESCE(v.suspended, false), COALESCE(v.silenced, false), COALESCE(v.sensitized, false), COALESCE(v.disabled, false), now()
     FROM jsonb_to_recordset($2::jsonb) AS v(${RECORD})
     ON CONFLICT ("instanceId", "remoteId") DO UPDATE SET
       "username" = EXCLUDED."username", "acct" = EXCLUDED."acct", "displayName" = EXCLUDED."displayName",
       "url" = COALESCE(EXCLUDED."url", "Account"."url"), "avatarUrl" = COALESCE(EXCLUDED."avatarUrl", "Account"."avatarUrl"),
       "domain" = EXCLUDED."domain", "updatedAt" = now(),
       "remoteCreatedAt" = COALESCE(EXCLUDED."remoteCreatedAt", "Account"."remoteCreatedAt")
     RETURNING "id"::text AS "id", "remoteId"`,
    instanceId, json,
  );
  // Flags in a second statement: ON CONFLICT cannot tell "false" from "not said", the recordset can.
  if (unique.some((a) => FLAGS.some((f) => a[f] !== undefined))) {
    await tx.$executeRawUnsafe(
      `UPDATE "Account" a SET
         "suspended" = COALESCE(v.suspended, a."suspended"), "silenced" = COALESCE(v.silenced, a."silenced"),
         "sensitized" = COALESCE(v.sensitized, a."sensitized"), "disabled" = COALESCE(v.disabled, a."disabled")
       FROM jsonb_to_recordset($2::jsonb) AS v(${RECORD})
       WHERE a."instanceId" = $1::uuid AND a."remoteId" = v."remoteId"
         AND (a."suspended", a."silenced", a."sensitized", a."disabled") IS DISTINCT FROM
             (COALESCE(v.suspended, a."suspended"), COALESCE(v.silenced, a."silenced"), COALESCE(v.sensitized, a."sensitized"), COALESCE(v.disabled, a."disabled"))`,
      instanceId, json,
    );
  }
  return new Map(written.map((r) => [r.remoteId, r.id]));
}

/** Upserts one account and returns our id. */
export async function upsertAccount(tx: Tx, instanceId: string, a: RemoteAccount): Promise<string> {
  const id = (await upsertAccounts(tx, instanceId, [a])).get(a.remoteId);
  if (!id) throw new Error('account upsert returned no row');
  return id;
}
