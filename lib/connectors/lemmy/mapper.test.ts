import { describe, expect, it } from 'vitest';
import { escapeHtml, mapPerson, postMedia } from './mapper';

describe('lemmy mapper', () => {
  it('escapes text, since Lemmy content is Markdown, not HTML', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });

  it('treats only image-looking URLs or thumbnails as media', () => {
    const post = { id: 3, name: 'n', url: 'https://news.example/story', thumbnail_url: null };
    expect(postMedia(post)).toEqual([]);
    expect(postMedia({ ...post, thumbnail_url: 'https://l.example/pictrs/image/t.webp' })[0]).toMatchObject({ url: 'https://l.example/pictrs/image/t.webp', meta: { link: 'https://news.example/story' } });
    expect(postMedia({ ...post, url: 'https://i.example/a.JPG?x=1' })[0]).toMatchObject({ remoteId: 'post:3:image', type: 'image', url: 'https://i.example/a.JPG?x=1' });
  });

  it('fetches the instance\'s own thumbnail of a federated image post and keeps the origin file URL as remoteUrl', () => {
    const post = { id: 4, name: 'n', url: 'https://origin.example/files/a.png', thumbnail_url: 'https://l.example/pictrs/image/t.webp' };
    expect(postMedia(post)[0]).toMatchObject({ url: 'https://l.example/pictrs/image/t.webp', remoteUrl: 'https://origin.example/files/a.png', meta: null });
    // A local upload: image and thumbnail on the instance itself, the full image is fetched and there is no origin URL.
    const local = { ...post, url: 'https://l.example/pictrs/image/full.png' };
    expect(postMedia(local)[0]).toMatchObject({ url: 'https://l.example/pictrs/image/full.png', remoteUrl: null });
  });

  it('derives acct and domain from actor_id for remote people only', () => {
    expect(mapPerson({ id: 7, name: 'bob', actor_id: 'https://remote.example/u/bob', local: false, banned: true })).toMatchObject({ remoteId: '7', acct: 'bob@remote.example', domain: 'remote.example', suspended: true });
    expect(mapPerson({ id: 1, name: 'al', actor_id: 'https://lemmy.test/u/al', local: true })).toMatchObject({ acct: 'al', domain: null });
  });

  it('leaves the ban unknown when the person carries no `banned` (contract I1), and false only when it says so', () => {
    expect(mapPerson({ id: 1, name: 'al', local: true }).suspended).toBeUndefined();
    expect(mapPerson({ id: 1, name: 'al', local: true, banned: null }).suspended).toBeUndefined();
    expect(mapPerson({ id: 1, name: 'al', local: true, banned: false }).suspended).toBe(false);
  });
});
