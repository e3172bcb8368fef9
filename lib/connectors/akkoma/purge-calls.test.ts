import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../../../e2e/fakes/federation/known-bad';
import type { FoundCopy } from '../types';
import { proxyOrigin, purgeUrls } from './proxy-origin';
import { withFakeAkkoma, type AkkomaSetup } from './test-support';

let setup: AkkomaSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const QUERY = {
  originUri: KNOWN_BAD.post.uri, originUrl: KNOWN_BAD.post.url, originMediaUrls: [KNOWN_BAD.media.originUrl],
  originAccount: { acct: KNOWN_BAD.account.acct, url: KNOWN_BAD.account.url },
};

async function copyOf(s: AkkomaSetup): Promise<FoundCopy> {
  const found = await s.connector.findCopies!(QUERY);
  if (found.status !== 'checked' || found.copies.length !== 1) throw new Error('expected one copy');
  return found.copies[0];
}

const served = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
};

describe('akkoma purge steps against the fake', () => {
  it('delete_post: deleting the post alone leaves the proxied file served; the purge with ban stops it', async () => {
    setup = await withFakeAkkoma({ reports: 3, knownBad: {} });
    const copy = await copyOf(setup);
    expect((await fetch(copy.postUrl!)).status).toBe(200);
    await setup.connector.perform({ kind: 'status.delete', statusId: copy.postId! });
    expect((await fetch(copy.postUrl!)).status).toBe(404);
    expect(await setup.connector.findCopies!(QUERY)).toMatchObject({ status: 'checked', copies: [] });
    const still = await served(copy.mediaUrl!);
    expect(still.status).toBe(200);
    expect(still.bytes.equals(await knownBadImage())).toBe(true);
    await setup.connector.perform({ kind: 'media.purge', urls: [copy.mediaUrl!] });
    // The connector names the origin behind the proxied URL, which is what Akkoma bans by.
    expect(setup.fake.state.records.at(-1)).toMatchObject({ body: { urls: [copy.mediaUrl, KNOWN_BAD.media.originUrl], ban: true } });
    expect((await served(copy.mediaUrl!)).status).toBe(404);
  });

  it('delete_account: getAccount finds the user before and null after, without any WebFinger', async () => {
    setup = await withFakeAkkoma({ reports: 3, knownBad: {} });
    const copy = await copyOf(setup);
    const nickname = copy.account!.remoteId!;
    expect(await setup.connector.getAccount!(nickname)).toMatchObject({ remoteId: KNOWN_BAD.account.acct, domain: KNOWN_BAD.originDomain, disabled: false });
    await setup.connector.perform({ kind: 'account.delete', accountId: nickname });
    expect(await setup.connector.getAccount!(nickname)).toBeNull();
    expect(await setup.connector.findCopies!(QUERY)).toMatchObject({ status: 'checked', copies: [] });
    expect((await served(copy.mediaUrl!)).status).toBe(200); // the proxy streams the origin, post or no post
    await setup.connector.perform({ kind: 'media.purge', urls: [copy.mediaUrl!] });
    expect((await served(copy.mediaUrl!)).status).toBe(404);
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });

  it('getAccount finds a local account by its exact nickname and is null for a nickname no one has', async () => {
    setup = await withFakeAkkoma({ reports: 3 });
    expect(await setup.connector.getAccount!('admin')).toMatchObject({ remoteId: 'admin', domain: null });
    expect(await setup.connector.getAccount!('adm')).toBeNull();
    expect(await setup.connector.getAccount!('nobody@elsewhere.test')).toBeNull();
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });

  it('under keep-serving the banned file is still served with the same bytes', async () => {
    setup = await withFakeAkkoma({ reports: 3, knownBad: {} });
    const copy = await copyOf(setup);
    await fetch(`${setup.fake.url}/__fake/keep-serving`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ on: true }) });
    await setup.connector.perform({ kind: 'status.delete', statusId: copy.postId! });
    await setup.connector.perform({ kind: 'media.purge', urls: [copy.mediaUrl!] });
    const cached = await served(copy.mediaUrl!);
    expect(cached.status).toBe(200);
    expect(cached.bytes.equals(await knownBadImage())).toBe(true);
    const calls = await (await fetch(`${setup.fake.url}/__fake/destructive-calls`)).json();
    expect(calls.map((c: { method: string; path: string }) => `${c.method} ${c.path}`)).toEqual([
      `DELETE /api/v1/pleroma/admin/statuses/${copy.postId}`, 'POST /api/v1/pleroma/admin/media_proxy_caches/purge',
    ]);
  });
});

describe('proxyOrigin', () => {
  it('decodes the origin from a proxy URL and ignores anything else', () => {
    const origin = 'https://spreader.test/a/b.png?x=1';
    const url = `https://ak.test/proxy/c2ln/${Buffer.from(origin).toString('base64url')}/b.png`;
    expect(proxyOrigin(url)).toBe(origin);
    expect(proxyOrigin(url.replace('/proxy/', '/proxy/preview/'))).toBe(origin);
    expect(proxyOrigin('https://ak.test/media/1.png')).toBeNull();
    expect(proxyOrigin(`https://ak.test/proxy/s/${Buffer.from('javascript:alert(1)').toString('base64url')}/x`)).toBeNull();
    expect(proxyOrigin('not a url')).toBeNull();
    expect(purgeUrls([url, url, 'https://ak.test/media/1.png'])).toEqual([url, origin, 'https://ak.test/media/1.png']);
  });
});
