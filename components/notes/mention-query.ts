/** Pure helpers of the mention picker: the `@partial` being typed at the caret, and the text after choosing. */

/** The name typed after an `@` that ends at the caret (null when the caret is not in a mention). */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}._-]{0,64})$/u.exec(before);
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() };
}

/** Replaces the `@partial` at `start` with `@name ` and says where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^[\p{L}\p{N}._-]*/u, '');
  return { text: text.slice(0, start) + inserted + after.replace(/^ /, ''), caret: start + inserted.length };
}

export function matchMembers<T extends { label: string; mentionName: string }>(members: readonly T[], query: string, max = 8): T[] {
  const q = query.toLowerCase();
  const starts = members.filter((m) => m.mentionName.startsWith(q) || m.label.toLowerCase().startsWith(q));
  const contains = members.filter((m) => !starts.includes(m) && (m.mentionName.includes(q) || m.label.toLowerCase().includes(q)));
  return [...starts, ...contains].slice(0, max);
}
