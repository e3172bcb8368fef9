import type { Tx } from '@/lib/db';
import type { RemoteAccount } from '@/lib/connectors/types';

function accountData(a: RemoteAccount) {
  return {
    username: a.username,
    acct: a.acct,
    displayName: a.displayName ?? '',
    url: a.url,
    avatarUrl: a.avatarUrl,
    domain: a.domain,
    suspended: a.suspended ?? false,
    silenced: a.silenced ?? false,
    sensitized: a.sensitized ?? false,
    disabled: a.disabled ?? false,
  };
}

/** Upserts by (instance, remote id) and returns our id. */
export async function upsertAccount(tx: Tx, instanceId: string, a: RemoteAccount): Promise<string> {
  const data = accountData(a);
  const row = await tx.account.upsert({
    where: { instanceId_remoteId: { instanceId, remoteId: a.remoteId } },
    create: { instanceId, remoteId: a.remoteId, ...data },
    update: data,
    select: { id: true },
  });
  return row.id;
}
