/**
 * find-origin-contact's parsers read hostile JSON: whatever a server sends, they never throw and return only a
 * well-formed address (property tests); the finder's order (NodeInfo, then the instance APIs) and its never-throw rule;
 * and the pure message and comment texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactFromInstanceV1, contactFromInstanceV2, contactFromNodeInfo, emailFrom, nodeInfoHref } from '@/lib/forwarding/contact-parsers';
import { findOriginContact } from '@/lib/forwarding/find-origin-contact';
import { forwardComment } from '@/lib/forwarding/forward-comment';
import { forwardMessage } from '@/lib/forwarding/forward-message';

const WELL_FORMED = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const wellFormed = (v: string | null) => v === null || (WELL_FORMED.test(v) && v.length <= 318);

/** JSON shaped like the documents, with arbitrary values where the address goes. */
const anyValue = fc.oneof(fc.string(), fc.emailAddress(), fc.jsonValue(), fc.constantFrom('mailto:a@b.example', 'a@b', 'x y@z.example', 'a@b.example\nBcc: c@d.example', '<a@b.example>'));
const shaped = anyValue.chain((v) => fc.constantFrom<unknown>(
  { metadata: { maintainer: { email: v } } }, { metadata: { email: v } }, { metadata: { contactEmail: v } }, { metadata: v },
  { contact: { email: v } }, { contact: v }, { email: v }, v,
));

describe('contact parsers (property)', () => {
  it('never throw on arbitrary JSON and return only well-formed addresses', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), shaped), (doc) => {
      expect(wellFormed(contactFromNodeInfo(doc)?.email ?? null)).toBe(true);
      expect(wellFormed(contactFromInstanceV2(doc))).toBe(true);
      expect(wellFormed(contactFromInstanceV1(doc))).toBe(true);
      expect(wellFormed(emailFrom(doc))).toBe(true);
      const href = nodeInfoHref(doc);
      expect(href === null || /^https?:\/\//i.test(href)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('keep every well-formed address they are given', () => {
    fc.assert(fc.property(fc.emailAddress(), (email) => {
      const ok = WELL_FORMED.test(email);
      expect(contactFromInstanceV1({ email }) === email).toBe(ok);
      expect(contactFromInstanceV2({ contact: { email } }) === email).toBe(ok);
    }), { numRuns: 500 });
  });

  it('refuse addresses that could carry a second recipient or a header', () => {
    for (const bad of ['a@b.example\nBcc: c@d.example', 'a@b.example, c@d.example', '<a@b.example>', 'A <a@b.example>', 'a@b', '@b.example']) {
      expect(emailFrom(bad)).toBeNull();
    }
    expect(emailFrom('mailto:Admin@Spreader.example')).toBe('Admin@Spreader.example');
  });
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('findOriginContact', () => {
  it('prefers NodeInfo metadata.maintainer.email', async () => {
    const fetch = async (url: string) => url.endsWith('/.well-known/nodeinfo')
      ? json({ links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: 'https://o.example/nodeinfo/2.0' }, { rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: 'https://o.example/nodeinfo/2.1' }] })
      : url === 'https://o.example/nodeinfo/2.1' ? json({ metadata: { maintainer: { name: 'Mod', email: 'mods@o.example' } } }) : json({}, 404);
    expect(await findOriginContact('o.example', fetch)).toEqual({ contact: 'mods@o.example', source: 'NodeInfo (metadata.maintainer.email)' });
  });

  it('falls back to /api/v1/instance email when NodeInfo and v2 say nothing', async () => {
    const fetch = async (url: string) => url.endsWith('/api/v1/instance') ? json({ email: 'admin@o.example' }) : url.endsWith('/api/v2/instance') ? json({ contact: { email: '' } }) : json('nope', 500);
    expect(await findOriginContact('o.example', fetch)).toEqual({ contact: 'admin@o.example', source: 'https://o.example/api/v1/instance (email)' });
  });

  it('never throws: failures, garbage, huge bodies and bad domains give no contact', async () => {
    const cases: ((url: string) => Promise<Response>)[] = [
      async () => { throw new Error('refused'); },
      async () => new Response('not json'),
      async () => new Response('x'.repeat(300 * 1024)),
      async () => json({ email: 'a@b.example' }, 301),
    ];
    for (const fetch of cases) expect(await findOriginContact('o.example', fetch)).toEqual({ contact: null, source: null });
    expect(await findOriginContact('bad domain/../x', async () => json({ email: 'a@b.example' }))).toEqual({ contact: null, source: null });
  });
});

describe('forward texts', () => {
  const c = {
    number: 7, title: 'Known-bad pattern', label: 'csam', sha256: 's'.repeat(64), md5: 'm'.repeat(32), pdqHash: null,
    originUri: 'https://o.example/users/x/statuses/1', originUrl: 'https://o.example/@x/1', originAcct: 'x@o.example', originAccountUrl: null,
    copyCount: 1, instanceCount: 1,
  };

  it('the message names the organization and the CyberTipline report when there are', () => {
    const out = forwardMessage({ domain: 'o.example', case: c, organization: 'Example Collective', cyberTiplineReportId: '123456', contact: 'a@o.example' });
    expect(out.text.startsWith(`Subject: ${out.subject}\n\n`)).toBe(true);
    expect(out.body).toContain('NCMEC CyberTipline report: 123456');
    expect(out.body).toContain('Sent by Example Collective (with fedimod, a moderation dashboard), case 7.');
    expect(out.body).toContain('1 copy on 1 server we moderate');
    expect(out.body).not.toContain('PDQ');
  });

  it('the report comment stays under 1000 characters and carries no hashes', () => {
    const text = forwardComment({ ...c, title: 'T'.repeat(5000) });
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text).toMatch(/^Case 7 \(fedimod\): T+…\. Copies of this post were found on 1 server\. Suspected child sexual abuse material\. Please review the origin post: https:\/\/o\.example\/@x\/1$/);
    expect(text).not.toContain('s'.repeat(64));
  });
});
