/** Pure parts of outbound signing (lib/team/sign-outbound.ts): the signature line and fitting it under a limit. */

export interface Signer { mode: 'pseudonym' | 'team'; pseudonym: string | null; teamName: string }

/** Pure: "— quiet-heron (Team)" or "— Team"; a person without a pseudonym on record is signed as the team. */
export function formatSignature(s: Signer): string {
  const team = s.teamName.trim();
  if (s.mode === 'pseudonym' && s.pseudonym) return `— ${s.pseudonym} (${team || 'fedimod'})`;
  return `— ${team || 'the moderation team'}`;
}

/** Pure: the text, trimmed so that text plus signature fit `limit`; the signature itself is never cut. */
export function appendSignature(text: string, signature: string, limit: number): string {
  const sep = '\n\n';
  const room = limit - signature.length - sep.length;
  const body = text.trim();
  if (room <= 0) return signature.slice(0, limit);
  if (body.length <= room) return `${body}${sep}${signature}`;
  // Cut by code points so an emoji is never halved, and mark the cut.
  let out = '';
  for (const p of Array.from(body)) {
    if (out.length + p.length > room - 1) break;
    out += p;
  }
  return `${out.trimEnd()}…${sep}${signature}`;
}
