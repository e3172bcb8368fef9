/** What every step of the driver gets, and what it answers (run-filing.ts loops over the steps). */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { NcmecClient } from '@/lib/filing/ncmec/client';

export type FilingRow = Prisma.FilingGetPayload<{ include: { files: true } }>;

export interface StepContext {
  filing: FilingRow;
  /** The driver's lease token: a mark before a send is written only while the lease is ours. */
  token: string;
  client: NcmecClient;
  now: () => Date;
}

/** advanced: the step's fact is recorded, go on; problem: recorded, a person takes over; transient: try later. */
export type StepOutcome = 'advanced' | 'problem' | { transient: string; retryAt: Date | null };

/** The lease was taken over (this driver stalled past it): stop without touching the row. */
export class LeaseLost extends Error {
  constructor() {
    super('filing lease lost');
  }
}
