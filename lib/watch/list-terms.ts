/** CONTRACT STUB (issue 14, watch-core implements): the watch terms with their hit counts, and per instance what can be watched. */
import type { Ctx } from '@/lib/audit/actor';
import type { WatchInstanceView, WatchTermView } from './types';

export async function listWatchTerms({ ctx }: { ctx: Ctx }): Promise<{ terms: WatchTermView[]; instances: WatchInstanceView[] }> {
  void ctx;
  return { terms: [], instances: [] };
}
