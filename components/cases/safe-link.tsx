import { safeHttpUrl } from '@/lib/queue/safe-url';

/**
 * Remote text that may be a URL: always shown as escaped text; a link only when it parses as http(s), so a hostile
 * server cannot plant a javascript: or data: link. Opens in a new tab without a referrer.
 */
export function SafeLink({ href, text }: { href: string | null | undefined; text: string | null | undefined }) {
  if (!text) return <span className="text-muted">—</span>;
  const url = safeHttpUrl(href);
  if (!url) return <span dir="auto">{text}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" className="text-accent underline" dir="auto">
      {text}<span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
