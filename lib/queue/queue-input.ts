/**
 * The queue's filters, parsed the same way from the API's query string and the page's search params.
 * Unknown values are refused rather than ignored, so a bad link shows an error instead of a wrong list.
 */
import { z } from 'zod';

const flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true');

export const queueInputSchema = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  sort: z.enum(['newest', 'oldest', 'priority']).default('newest'),
  instanceId: z.uuid().optional(),
  category: z.string().trim().min(1).max(64).optional(),
  assignee: z.enum(['me', 'assigned', 'unassigned', 'any']).default('any'),
  hasMedia: z.union([z.boolean(), flag]).optional(),
  hasMatch: z.union([z.boolean(), flag]).optional(),
  /** Reports carrying this team tag (lib/tags normalizes: lower case). */
  tag: z.string().trim().toLowerCase().min(1).max(32).optional(),
  /** Only reports with an open escalation. */
  escalated: z.union([z.boolean(), flag]).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type QueueInput = z.input<typeof queueInputSchema>;
export type ParsedQueueInput = z.output<typeof queueInputSchema>;

/** URLSearchParams or Next's searchParams object → plain record; empty values count as absent. */
export function searchParamsToRecord(sp: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = sp instanceof URLSearchParams ? [...sp.entries()] : Object.entries(sp);
  for (const [k, v] of entries) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === 'string' && value !== '') out[k] = value;
  }
  return out;
}
