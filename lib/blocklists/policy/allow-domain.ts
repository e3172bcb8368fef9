/** An allowlist domain as typed: normalized like list entries ("*.example.com" is example.com; subdomains are covered anyway). */
import { normalizeBlockDomain } from '@/lib/blocklists/parse/normalize-domain';
import { badInput } from '@/lib/blocklists/sources/source-fields';

export function parseAllowDomain(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.trim()) throw badInput('allow domain missing', 'Type a domain.');
  if (raw.length > 300) throw badInput('allow domain too long', 'That domain is too long.');
  const n = normalizeBlockDomain(raw);
  if ('error' in n) throw badInput(`allow domain invalid: ${n.error}`, `That is not a domain: ${n.error}`);
  return n.domain;
}
