/**
 * Mastodon's public form of an obfuscated block (DomainBlock#public_domain): the middle half of the name's
 * characters become `*`, dots stay. A CSV row that says `#obfuscate=true` keeps its real domain (admin exports do);
 * this form is what we record as obfuscatedAs so the merge knows to publish it obfuscated again.
 */
export function obfuscateDomain(domain: string): string {
  const length = domain.length;
  const visible = Math.floor(length / 4);
  let out = '';
  for (let i = 0; i < length; i++) {
    const ch = domain[i];
    out += i > visible && i < length - visible && ch !== '.' ? '*' : ch;
  }
  return out;
}
