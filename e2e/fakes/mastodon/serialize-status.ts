/** Status and MediaAttachment JSON, following Mastodon's REST serializers. */
import type { FakeMedia, FakeStatus } from './entities';
import { serializeAccount, accountUrls } from './serialize-account';
import type { FakeState } from './state';
import { tagsOf } from './post-tags';

const EXT = { png: 'png', jpeg: 'jpg', gif: 'gif', mp4: 'mp4' } as const;

/** Mastodon's Paperclip layout: the padded id split into groups of three digits. */
export function mediaPath(media: FakeMedia, size: 'original' | 'small'): string {
  const groups = media.id.padStart(18, '0').match(/.{3}/g)!.join('/');
  // Previews of GIFs and videos are still images, as Mastodon makes them.
  const ext = size === 'small' && media.type !== 'image' ? 'png' : EXT[media.format];
  return `/system/media_attachments/files/${groups}/${size}/${media.id}.${ext}`;
}

export function previewSize(media: FakeMedia): { width: number; height: number } {
  const scale = Math.min(1, 400 / Math.max(media.width, media.height));
  return { width: Math.round(media.width * scale), height: Math.round(media.height * scale) };
}

export function serializeMedia(state: FakeState, m: FakeMedia) {
  const small = previewSize(m);
  const dims = (w: number, h: number) => ({ width: w, height: h, size: `${w}x${h}`, aspect: w / h });
  const timing = m.type === 'image' ? {} : { duration: 2.5, fps: 10, length: '0:00:02.50' };
  // A cleared file (reject_media) needs a redownload: Mastodon then points at its /media_proxy route instead.
  const cleared = m.fileCleared === true;
  return {
    id: m.id,
    type: cleared ? 'unknown' : m.type,
    url: cleared ? `${state.baseUrl}/media_proxy/${m.id}/original` : `${state.baseUrl}${mediaPath(m, 'original')}`,
    preview_url: cleared ? `${state.baseUrl}/media_proxy/${m.id}/small` : `${state.baseUrl}${mediaPath(m, 'small')}`,
    remote_url: m.remoteUrl,
    preview_remote_url: null,
    text_url: null,
    meta: { ...timing, original: { ...dims(m.width, m.height), ...timing }, small: dims(small.width, small.height) },
    description: m.description,
    blurhash: 'UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH',
  };
}

export function serializeStatus(state: FakeState, s: FakeStatus) {
  const author = state.accounts.get(s.accountId)!;
  const base = accountUrls(state, author);
  return {
    id: s.id,
    created_at: s.createdAt,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: s.sensitive,
    spoiler_text: s.spoilerText,
    visibility: s.visibility,
    language: 'en',
    uri: s.uri ?? `${base.uri}/statuses/${s.id}`,
    url: s.url ?? `${base.url}/${s.id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 1,
    quotes_count: 0,
    edited_at: null,
    content: s.contentHtml,
    reblog: null,
    account: serializeAccount(state, author),
    media_attachments: s.media.map((m) => serializeMedia(state, m)),
    mentions: [],
    tags: tagsOf({ tags: s.tags, html: s.contentHtml }).map((name) => ({ name, url: `${state.baseUrl}/tags/${encodeURIComponent(name)}` })),
    emojis: [],
    card: null,
    poll: null,
  };
}
