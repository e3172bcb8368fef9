/**
 * Pure: reading a contact address out of what a remote server says about itself (NodeInfo, Mastodon's instance API).
 * The input is hostile JSON: every reader takes `unknown`, never throws, and returns only a well-formed address.
 */
import { z } from 'zod';

// One mailbox, no display name, no spaces or brackets that could smuggle a second recipient or a header into a
// mailto link; the domain has a dot and a letter TLD.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;

export function emailFrom(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().replace(/^mailto:/i, '');
  return EMAIL.test(v) ? v : null;
}

const record = z.record(z.string(), z.unknown());
const field = (obj: unknown, key: string): unknown => {
  const r = record.safeParse(obj);
  return r.success ? r.data[key] : undefined;
};

/** /.well-known/nodeinfo: the newest 2.x schema document's href (http or https only). */
export function nodeInfoHref(index: unknown): string | null {
  const links = z.array(z.object({ rel: z.string(), href: z.string() })).safeParse(field(index, 'links'));
  if (!links.success) return null;
  const found = links.data
    .filter((l) => /^https?:\/\/nodeinfo\.diaspora\.software\/ns\/schema\/2\.\d$/.test(l.rel) && /^https?:\/\//i.test(l.href))
    .sort((a, b) => b.rel.localeCompare(a.rel))[0];
  return found?.href ?? null;
}

/** NodeInfo metadata: maintainer.email (Pleroma, Akkoma, Misskey), then email / contactEmail as some servers name it. */
export function contactFromNodeInfo(doc: unknown): { email: string; field: string } | null {
  const meta = field(doc, 'metadata');
  const candidates: [string, unknown][] = [
    ['metadata.maintainer.email', field(field(meta, 'maintainer'), 'email')],
    ['metadata.email', field(meta, 'email')],
    ['metadata.contactEmail', field(meta, 'contactEmail')],
  ];
  for (const [name, value] of candidates) {
    const email = emailFrom(value);
    if (email) return { email, field: name };
  }
  return null;
}

/** Mastodon's /api/v2/instance: contact.email. */
export function contactFromInstanceV2(doc: unknown): string | null {
  return emailFrom(field(field(doc, 'contact'), 'email'));
}

/** Mastodon's /api/v1/instance (and its copies on GoToSocial, Akkoma): email. */
export function contactFromInstanceV1(doc: unknown): string | null {
  return emailFrom(field(doc, 'email'));
}
