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
    'account.delete',
    'domain.block',
    'domain.blocks_reconcile',
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
    'domain.blocks_reconcile':
      'Creates, updates and lifts domain blocks to match the applied lists (severity, reject media, reject reports, ' +
      'obfuscate and the public comment); blocks made by hand here are left as they are.',
    'media.purge':
      'Mastodon has no API to purge cached media. Use a domain block with "reject media", or suspend the account and delete its data.',
    'report.reject': 'Mastodon has no "rejected" state: resolve the report without an account action.',
    'report.note': "Mastodon keeps report notes in its web UI only; its API cannot read or add them.",
    'account.delete':
      "Deletes this instance's copy of a suspended account's data: its posts and media files. Suspend first. " +
      'Mastodon refuses it for an account that is not suspended, and the token\'s role needs "Delete User Data".',
    'status.purge': "Mastodon's admin API cannot delete posts.",
    'status.block': "Mastodon has no reversible post block; suspend or limit the account instead.",
    'status.visibility': "Mastodon's admin API cannot change a post's visibility.",
    'media.delete': "Mastodon's admin API cannot delete one media file; suspend the account and delete its data.",
    'report.forward': 'Mastodon forwards a report only when the reporter asks for it; the admin API cannot forward later.',
  },
  findCopies: {
    by: ['account', 'origin_uri', 'media_url'],
    note:
      "Looks the origin account up (accounts/lookup, which never asks the account's server) and reads its 80 newest " +
      'media posts stored on this instance, keeping the post whose ActivityPub id or file URL is the origin\'s. ' +
      "Mastodon's search looks a URL up only with resolve=true, which fetches it from the origin, so search is not used. " +
      'An older copy, or one whose author is unknown, is not found. The token also needs the read:accounts and ' +
      'read:statuses scopes.',
  },
  purge: [
    {
      id: 'suspend_delete_data', label: "Suspend the account and delete this server's copy of its data",
      steps: [
        { action: { kind: 'account.action', type: 'suspend', notify: false }, needs: ['account'] },
        { action: { kind: 'account.delete' }, needs: ['account'] },
      ],
      reach: 'account', reversible: false, removesFile: true,
      note: "Suspends the posting account here, then deletes everything this server holds of it (its posts and cached media): every post of that account on this server goes, not only this one.",
    },
    {
      id: 'domain_reject_media', label: "Block the account's domain with reject media",
      steps: [{ action: { kind: 'domain.block', severity: 'silence', rejectMedia: true, rejectReports: false, obfuscate: false }, needs: ['account_host'] }],
      reach: 'domain', reversible: true, removesFile: true,
      note: "Limits the whole domain and deletes every file cached from it; the block can be lifted, the deleted files do not come back.",
    },
    {
      id: 'suspend_only', label: 'Suspend the account only',
      steps: [{ action: { kind: 'account.action', type: 'suspend', notify: false }, needs: ['account'] }],
      reach: 'account', reversible: true, removesFile: false,
      note: "Mastodon's suspension only makes the account's media private: the file URL may still be served until the data is deleted.",
    },
  ],
  reportCreate: {
    forwards: true,
    needsPost: false,
    note:
      "Opens a report as the connected admin account; with forward, Mastodon sends it to the account's server as a Flag. " +
      'The token also needs the write:reports scope.',
  },
  blocklist: {
    severities: ['suspend', 'silence', 'noop'],
    flags: ['rejectMedia', 'rejectReports'],
    canUpdate: true,
    publicComment: true,
    obfuscate: true,
    note: 'Suspend, limit (silence) or no severity, each with reject media and reject reports; changed in place.',
  },
  webhooks: true,
  watch: {
    recentPosts: true,
    hashtagLookup: true,
    keywordLookup: true,
    webhook: true,
    note:
      'Reads new public posts (timelines/public, at most 40 per scan) and each watched hashtag\'s timeline; keywords are ' +
      'also searched (v2 search, never resolving), which finds posts only where the server runs full-text search, and ' +
      'then only posts from accounts that opted into search or that the token\'s account interacted with. A ' +
      'status.created webhook lands local posts at once; the token needs read:statuses and read:search.',
  },
  // Admin::Report with assigned_account and the v1 admin account actions are 4.0+; webhooks arrived in 4.0.
  minVersion: '4.0',
  accountActionNotifies: true,
  accountActionText: { label: 'Message to the account', hint: 'Shown to the user with the action (their warning text).' },
};
