import { safeHttpUrl } from '@/lib/queue/safe-url';

/**
 * Remote text that may be a URL: always shown as escaped text; a link only when it parses as http(s), so a hostile
 * server cannot plant a javascript: or data: link. Opens in a new tab without a referrer.
 */
export function SafeLink({ href, text, short = false }: { href: string | null | undefined; text: string | null | undefined; short?: boolean }) {
  if (!text) return <span className="text-muted">—</span>;
  const url = safeHttpUrl(href);
  const shown = short ? shortUrlText(text) : text;
  if (!url) return <span dir="auto" title={text}>{shown}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" className="text-accent underline" dir="auto" title={text}>
      {shown}<span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

/**
 * Long media and post URLs (cache paths of 100 characters) made readable in a table cell: the host and the last path
 * segment, e.g. "beta.test/…/109000000000078000.png". The full URL stays in the link and its title.
 */
export function shortUrlText(text: string): string {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return text.length > 48 ? `${text.slice(0, 47)}…` : text;
  }
  const parts = u.pathname.split('/').filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const tail = last.length > 28 ? `…${last.slice(-27)}` : last;
  return parts.length > 1 ? `${u.host}/…/${tail}` : `${u.host}/${tail}`;
}
