/** What the Mastodon admin API can and cannot do, in words a moderator can act on. */
import type { Capabilities } from '../types';

export const MASTODON_CATEGORIES = ['spam', 'legal', 'violation', 'other'];

export const mastodonCapabilities: Capabilities = {
  actions: [
    'report.assign_to_self',
    'report.unassign',
    'report.resolve',
    'report.reopen',
    'report.set_category',
    'account.action',
    'account.undo',
    'domain.block',
  ],
  categories: MASTODON_CATEGORIES,
  notes: {
    'status.delete':
      "Mastodon's admin API cannot delete posts. Suspend or silence the account, or delete the post in Mastodon's own admin UI.",
    'account.action':
      'Suspending makes the account\'s media private but keeps the files until the account data is deleted ' +
      "(in Mastodon's admin UI, or the API's delete for suspended accounts). Disable only affects local accounts.",
    'report.resolve': "Mastodon's API has no report notes: a resolution comment stays in this dashboard only.",
    'domain.block':
      'Severity "suspend" removes every account of the domain from this instance; "reject media" deletes its cached files.',
    'media.purge':
      'Mastodon has no API to purge cached media. Use a domain block with "reject media", or suspend the account and delete its data.',
  },
  webhooks: true,
};
