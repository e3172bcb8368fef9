/** A team tag: trimmed, lower case, 1-32 characters of a-z, 0-9, space, _ and - (pure). */
import { z } from 'zod';

const TAG = /^[a-z0-9 _-]{1,32}$/;

export type TagCheck = { ok: true; tag: string } | { ok: false; message: string };

export function checkTag(raw: unknown): TagCheck {
  if (typeof raw !== 'string') return { ok: false, message: 'A tag is text.' };
  const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (tag.length === 0) return { ok: false, message: 'Write the tag first.' };
  if (tag.length > 32) return { ok: false, message: 'A tag is at most 32 characters.' };
  if (!TAG.test(tag)) return { ok: false, message: `"${tag.slice(0, 40)}" is not a tag: use letters a-z, digits, spaces, _ and -.` };
  return { ok: true, tag };
}

export const tagSchema = z.string().max(200).transform((s, ctx) => {
  const c = checkTag(s);
  if (!c.ok) { ctx.addIssue({ code: 'custom', message: c.message }); return z.NEVER; }
  return c.tag;
});
