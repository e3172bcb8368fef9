/** The search's input, the same from the API's query string and the page's search params. */
import { z } from 'zod';
import { SEARCH_KINDS } from './types';

const CONTROL = /[\u0000-\u001F\u007F]/g;

export const searchInputSchema = z.object({
  // Control characters never mean anything in a search, and Postgres refuses NUL in text outright.
  q: z.string().transform((s) => s.replace(CONTROL, ' ')).pipe(z.string().trim().min(1, 'Type something to search for.').max(200, 'Search for at most 200 characters.')),
  kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export type SearchInput = z.input<typeof searchInputSchema>;
export type ParsedSearchInput = z.output<typeof searchInputSchema>;

/** Rows fetched per group to tell "N" from "50+" in the same query that returns the items. */
export const TOTAL_CAP = 50;

export function totalLabel(found: number): string {
  return found > TOTAL_CAP ? `${TOTAL_CAP}+` : String(found);
}
