/** Hand-written Mastodon payloads for mapper tests, shaped after docs.joinmastodon.org examples. */

export const publicAccount = {
  id: '108965430868193066',
  username: 'goody',
  acct: 'goody@remote.test',
  display_name: 'Goody <b>Two</b> Shoes',
  url: 'https://remote.test/@goody',
  uri: 'https://remote.test/users/goody',
  avatar: 'https://m.example/avatars/original/missing.png',
  created_at: '2022-09-08T00:00:00.000Z',
  followers_count: 0,
  some_future_field: { nested: true },
};

export const adminAccount = {
  id: '108965430868193066',
  username: 'goody',
  domain: 'remote.test',
  created_at: '2022-09-08T23:42:04.731Z',
  email: null,
  ip: null,
  ips: [],
  role: null,
  confirmed: false,
  suspended: false,
  silenced: true,
  sensitized: false,
  disabled: false,
  approved: true,
  locale: null,
  invite_request: null,
  account: publicAccount,
};

export const reporter = {
  id: 7, // some forks send numbers
  username: 'admin',
  domain: null,
  created_at: '2022-09-08T22:48:07.985Z',
  email: 'admin@mastodon.local',
  account: { id: '108965218747268792', username: 'admin', acct: 'admin' },
};

export const status = {
  id: '109000000000001000',
  created_at: '2022-09-09T21:00:00.000Z',
  sensitive: true,
  spoiler_text: 'cw',
  visibility: 'unlisted',
  uri: 'https://remote.test/users/goody/statuses/1',
  url: 'https://remote.test/@goody/1',
  content: '<p>hello <script>alert(1)</script></p>',
  account: publicAccount,
  media_attachments: [
    {
      id: '1', type: 'image', url: 'https://m.example/system/1.png', preview_url: 'https://m.example/system/s1.png',
      remote_url: 'https://remote.test/1.png', description: 'alt', meta: { original: { width: 10, height: 10 } }, blurhash: 'x',
    },
    { id: '2', type: 'gifv', url: null, preview_url: null, remote_url: 'https://remote.test/2.mp4', description: null, meta: null },
    { id: '3', type: 'hologram', url: 'https://m.example/system/3.bin', preview_url: null, remote_url: null },
    { id: '4', type: 'image', url: null, preview_url: 'https://m.example/system/s4.png', remote_url: null },
  ],
  mentions: [],
  tags: [],
  emojis: [],
};

export const report = {
  id: '42',
  action_taken: false,
  action_taken_at: null,
  category: 'spam',
  comment: 'Spam <img src=x onerror=alert(1)>',
  forwarded: true,
  created_at: '2022-09-09T21:19:23.085Z',
  updated_at: '2022-09-09T21:19:23.085Z',
  account: reporter,
  target_account: adminAccount,
  assigned_account: null,
  action_taken_by_account: null,
  statuses: [status],
  rules: [{ id: '2', text: 'No harassment.', hint: '' }],
  unexpected: 'ignored',
};
