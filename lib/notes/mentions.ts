/**
 * `@name` mentions of colleagues (pure). A member answers to the local part of their email and to their name with
 * the spaces taken out, both lower case. An `@` glued to a word before it (`ana@example.org`) is part of an email
 * address, not a mention, so quoting an address never pings anyone. Unknown names stay plain text. A member also
 * answers to their pseudonym, which wins over anyone else's name (it is unique in the team).
 */

export interface MentionMember {
  id: string;
  email: string;
  name: string;
  pseudonym?: string;
}

/** The names a member answers to; the first is the one the picker inserts. */
export function mentionNames(m: Pick<MentionMember, 'email' | 'name' | 'pseudonym'>, preferPseudonym = false): string[] {
  const local = m.email.split('@')[0]?.toLowerCase() ?? '';
  const fromName = m.name.replace(/\s+/g, '').toLowerCase();
  const pseudonym = m.pseudonym?.toLowerCase() ?? '';
  const names = preferPseudonym ? [pseudonym, local, fromName] : [local, fromName, pseudonym];
  return [...new Set(names.filter((s) => /^[\p{L}\p{N}._-]+$/u.test(s)))];
}

/** The name the picker inserts: the pseudonym where the team shows colleagues by pseudonym. */
export function mentionName(m: Pick<MentionMember, 'email' | 'name' | 'pseudonym'>, preferPseudonym = false): string {
  return mentionNames(m, preferPseudonym)[0] ?? m.email.toLowerCase();
}

// Preceded by start or a non-word character (so not an email's `@`), then the longest run of name characters.
const MENTION = /(^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}._-]+)/gu;

/** The members named in `body`, each once, in order of first mention. Never throws. */
export function parseMentions<T extends MentionMember>(body: string, members: readonly T[]): T[] {
  const byName = new Map<string, T>();
  for (const m of members) if (m.pseudonym) byName.set(m.pseudonym.toLowerCase(), m);
  for (const m of members) for (const n of mentionNames(m)) if (!byName.has(n)) byName.set(n, m);
  const found: T[] = [];
  const seen = new Set<string>();
  for (const match of String(body).matchAll(MENTION)) {
    // A sentence may end right after the name: "thanks @ana." names ana.
    const name = match[2]!.toLowerCase().replace(/[._-]+$/, '');
    const m = byName.get(name) ?? byName.get(match[2]!.toLowerCase());
    if (m && !seen.has(m.id)) { seen.add(m.id); found.push(m); }
  }
  return found;
}

/** The text an inbox shows: one line, at most `max` characters. */
export function excerpt(body: string, max = 200): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
