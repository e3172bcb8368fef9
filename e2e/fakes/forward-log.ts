/**
 * What every fake records of the reports it forwarded to another server (an ActivityPub Flag it would deliver), so
 * tests prove a case was forwarded exactly once: read through GET /__fake/forwards, cleared by POST
 * /__fake/reset-forwards. A report opened without forward, or about a local account, sends nothing and is not here.
 */
export interface ForwardRecord {
  /** The report on this server that was forwarded. */
  reportId: string;
  /** The reported account as this server names it (acct), and the server the Flag goes to. */
  account: string;
  domain: string;
  statusIds: string[];
  comment: string;
  at: string;
}

export interface ForwardLog {
  forwards: ForwardRecord[];
  record(entry: Omit<ForwardRecord, 'at'>): void;
  reset(): void;
}

export function createForwardLog(): ForwardLog {
  const log: ForwardLog = {
    forwards: [],
    record(entry) {
      log.forwards.push({ ...entry, at: new Date().toISOString() });
    },
    reset() {
      log.forwards = [];
    },
  };
  return log;
}

/** For tests in another process than the fake: the forwards it recorded. */
export async function fakeForwards(fakeUrl: string): Promise<ForwardRecord[]> {
  const res = await fetch(`${fakeUrl}/__fake/forwards`);
  if (res.status !== 200) throw new Error(`GET /__fake/forwards answered ${res.status}`);
  return (await res.json()) as ForwardRecord[];
}
