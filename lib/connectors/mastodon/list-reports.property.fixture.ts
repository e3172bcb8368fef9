/** A valid Mastodon report page item for the property tests (Mastodon's and GoToSocial's). */
import { SECRET } from '../shared/fuzz-pages';

/** An Admin::Report as Mastodon 4.x serializes it (REST::Admin::ReportSerializer), one per index. */
export function mastodonReport(i: number) {
  const account = (id: string, username: string, domain: string | null) => ({
    id, username, domain, created_at: '2024-05-01T10:00:00.000Z', email: domain ? null : `${username}@m.example`, ip: null, ips: [],
    role: null, confirmed: true, suspended: false, silenced: false, sensitized: false, disabled: false, approved: true, locale: null,
    invite_request: null,
    account: {
      id, username, acct: domain ? `${username}@${domain}` : username, display_name: `${username} display`, url: `https://${domain ?? 'm.example'}/@${username}`,
      uri: `https://${domain ?? 'm.example'}/users/${username}`, avatar: 'https://m.example/avatars/original/missing.png', created_at: '2024-05-01T00:00:00.000Z',
    },
  });
  return {
    id: String(1000 + i), action_taken: false, action_taken_at: null, category: 'spam', comment: `${SECRET} report ${i}`, forwarded: false,
    created_at: `2026-01-0${1 + (i % 9)}T12:00:00.000Z`, updated_at: '2026-01-10T12:00:00.000Z',
    account: account(String(10 + i), `reporter${i}`, null), target_account: account(String(500 + i), `target${i}`, 'remote.example'),
    assigned_account: null, action_taken_by_account: null,
    statuses: [{
      id: String(90000 + i), created_at: '2026-01-01T11:00:00.000Z', in_reply_to_id: null, sensitive: false, spoiler_text: '', visibility: 'public',
      language: 'en', uri: `https://remote.example/users/target${i}/statuses/${i}`, url: `https://remote.example/@target${i}/${i}`,
      content: `<p>${SECRET} post ${i}</p>`,
      media_attachments: [{
        id: String(70000 + i), type: 'image', url: `https://m.example/media/${i}.png`, preview_url: `https://m.example/media/${i}_small.png`,
        remote_url: `https://remote.example/media/${i}.png`, description: 'alt', meta: { original: { width: 64, height: 48 } }, blurhash: 'UABC',
      }],
    }],
    rules: [{ id: '1', text: 'No spam', hint: '' }],
  };
}
