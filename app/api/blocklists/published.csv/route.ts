/**
 * The team's merged list for other collectives: no session (like /api/health), the token in the query unless the
 * team made it public. publishedCsv answers not_found for disabled and for a wrong token alike, so a guesser learns
 * nothing about which it was.
 */
import { publishedCsv } from '@/lib/blocklists/publish/published-csv';
import { handle } from '@/lib/http/route';

export async function GET(req: Request) {
  return handle(async () => {
    const token = new URL(req.url).searchParams.get('token');
    const csv = await publishedCsv(token ? token.slice(0, 200) : null);
    return new Response(csv, {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'inline; filename="blocklist.csv"',
        // A token-protected list must not sit in shared caches; a public one may be cached briefly.
        'Cache-Control': token ? 'no-store' : 'public, max-age=60',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
