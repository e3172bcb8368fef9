/**
 * Text the seeder draws from. All harmless; a few entries carry script payloads on purpose, because the
 * dashboard must render remote HTML and comments without ever executing them (e2e tests check window.__xss).
 */
export const SCRIPT_COMMENT = 'Spam wave again <script>window.__xss=1</script> please check';
export const IMG_ONERROR_COMMENT = 'Look at this <img src=x onerror="window.__xss=1"> account';
export const XSS_STATUS_HTML = '<p>Totally normal post <img src=x onerror="window.__xss=1"><script>window.__xss=1</script></p>';

export const COMMENTS = [
  '',
  'Posting the same link in every reply.',
  'Harassing me in my mentions for days.',
  'This account impersonates our instance admin.',
  'Unmarked images, should be behind a content warning.',
  'Looks like a bot advertising crypto.',
  'Forwarded from a user on another server.',
  'Threats in replies; see attached posts.',
];

export const STATUS_HTML = [
  '<p>Check out my new abstract art collection!</p>',
  '<p>Buy followers cheap at <a href="https://spam.example/offer" rel="nofollow noopener" target="_blank">spam.example/offer</a></p>',
  '<p><span class="h-card"><a href="https://remote-one.test/@someone" class="u-url mention">@<span>someone</span></a></span> you again?</p>',
  '<p>Here are some shapes I generated.</p><p>Second paragraph with <strong>bold</strong> text.</p>',
  '<p>Same message posted 40 times today.</p>',
  '<p>Gradient experiments, part 3 #art</p>',
];

export const MEDIA_DESCRIPTIONS = [null, 'Abstract gradient with circles', 'Coloured shapes on a gradient', 'Generated test pattern'];

export const REMOTE_DOMAINS = ['remote-one.test', 'spam.example', 'badplace.test'];

export const REPORTER_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
export const LOCAL_TARGET_NAMES = ['spammy', 'troll42', 'newbie', 'loudmouth'];
export const REMOTE_TARGET_NAMES = ['cryptobot', 'shouty', 'mirror_admin', 'offers', 'pixelflood', 'nightowl'];

export const RULES = [
  { text: 'No spam or advertising.', hint: 'Includes repeated unsolicited links.' },
  { text: 'No harassment.', hint: 'Do not target other users.' },
  { text: 'Mark sensitive media.', hint: 'Use content warnings.' },
  { text: 'No impersonation.', hint: '' },
];
