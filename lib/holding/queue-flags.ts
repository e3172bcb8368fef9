/** Report columns written as JSON (watchTerms, brigade), read defensively for the queue and the report page. */
import { z } from 'zod';
import type { WatchTermRef } from '@/lib/watch/types';
import type { BrigadeFlag } from './types';

const watchRef = z.object({
  termId: z.string(), kind: z.enum(['hashtag', 'keyword', 'domain']), value: z.string(), via: z.enum(['timeline', 'tag', 'search', 'webhook']),
});

const brigade = z.object({
  reasons: z.array(z.string()), reports: z.number(), reporters: z.number(), instances: z.number(), freshShare: z.number(), flaggedAt: z.string(),
});

export function readWatchTerms(v: unknown): WatchTermRef[] | null {
  if (!Array.isArray(v)) return null;
  return v.flatMap((x) => {
    const p = watchRef.safeParse(x);
    return p.success ? [p.data] : [];
  });
}

export function readBrigade(v: unknown): BrigadeFlag | null {
  const p = brigade.safeParse(v);
  return p.success ? p.data : null;
}
