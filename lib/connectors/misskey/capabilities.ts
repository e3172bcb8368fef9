/** What the Misskey API can and cannot do for this dashboard, in words a moderator can act on. */
import type { Capabilities } from '../types';

/**
 * Permission kinds the token must hold (Settings → API → "Generate access token", or MiAuth's `permission=`).
 * Kinds alone do not open admin/* endpoints: the account must also hold a moderator or administrator role, and
 * admin/delete-account needs an administrator role (a moderator's token gets ROLE_PERMISSION_DENIED there).
 * write:drive is the ordinary user permission behind drive/files/delete: Misskey lets a moderator delete any
 * user's drive file through it, so no admin drive permission is needed. Which endpoint needs which kind is in
 * endpoint-kinds.ts.
 */
export const MISSKEY_PERMISSIONS = [
  'read:account', // `i`: who the token belongs to, for verify()
  'read:admin:abuse-user-reports', // admin/abuse-user-reports: list and look up reports
  'write:admin:resolve-abuse-user-report', // resolve (accept or reject), forward, and update the moderation note
  'write:admin:suspend-user', // admin/suspend-user
  'write:admin:unsuspend-user', // admin/unsuspend-user
  'write:admin:delete-account', // admin/delete-account (administrators only)
  'write:notes', // notes/delete
  'write:drive', // drive/files/delete: one drive file, any owner's for a moderator
  'write:admin:federation', // admin/federation/delete-all-files (media purge by host)
  'read:admin:show-user', // admin/show-users: find a remote account by username and host (copy lookups)
  'read:admin:drive', // admin/drive/show-file: a drive file's origin URL (copy lookups)
  'write:report-abuse', // users/report-abuse: open a report as this account (forwarding a case to its origin)
  'read:admin:meta', // admin/meta: the blocked and silenced host lists (blocklists; administrators only)
  'write:admin:meta', // admin/update-meta: write those lists (blocklists; administrators only)
] as const;

export type MisskeyPermission = (typeof MISSKEY_PERMISSIONS)[number];

/** Misskey's moderation note column is varchar(8192) (migration RefineAbuseUserReport1728085812127). */
export const MODERATION_NOTE_MAX = 8192;

export const misskeyCapabilities: Capabilities = {
  actions: [
    'report.resolve',
    'report.reject',
    'report.note',
    'report.forward',
    'account.action',
    'account.undo',
    'account.delete',
    'status.delete',
    'media.delete',
    'media.purge',
    'domain.blocks_reconcile',
  ],
  categories: [], // Misskey reports have no category; they are imported as "other"
  notes: {
    'report.resolve':
      'Resolves the report on Misskey as "accepted". Misskey has no resolution comment: the comment stays in this dashboard. ' +
      'Misskey records you as the assignee.',
    'report.reject':
      'Closes the report on Misskey as rejected (no violation). Misskey has no resolution comment: the comment stays in this dashboard. ' +
      'Misskey records you as the assignee.',
    'report.note':
      'Appended to Misskey\'s moderation note for this report (one shared text field, max 8192 characters), after a blank line. ' +
      'Other moderators see it in Misskey\'s control panel.',
    'report.forward': 'Sends the report (as an ActivityPub Flag) to the reported user\'s server. Only useful for remote users.',
    'account.action':
      'Only "suspend" is available. Misskey silences through role policies (admin/roles/assign), which this dashboard does not manage.',
    'account.undo': 'Only "unsuspend" is available.',
    'account.delete':
      'On Misskey this deletes the account and its notes and files for good (a remote account\'s local copies). ' +
      'Misskey finishes the deletion in a background job, after which its reports (about or by the account) are gone too. ' +
      'Needs an administrator account, not only a moderator; the reason stays in this dashboard.',
    'status.delete': 'Deletes the note on this instance (moderators may delete other users\' notes).',
    'media.delete':
      'Deletes this file from the instance\'s drive; notes that used it lose the attachment. ' +
      'For a remote user\'s file this removes the local copy only.',
    'media.purge':
      'Deletes every cached file from one remote host (admin/federation/delete-all-files). Misskey cannot purge single URLs; ' +
      'a host is required so nothing broader than intended is purged.',
    'report.reopen': 'Misskey cannot reopen a resolved report.',
    'report.assign_to_self': 'Misskey has no explicit assignment: the moderator who resolves a report becomes its assignee.',
    'report.unassign': 'Misskey has no explicit assignment.',
    'report.set_category': 'Misskey reports have no category.',
    'domain.block':
      'Not offered yet: Misskey blocks hosts through admin/update-meta, which replaces the whole blockedHosts list. ' +
      'A read-modify-write can drop a block another moderator adds at the same moment. Use Misskey\'s control panel.',
    'domain.blocks_reconcile':
      'Applies blocklists to Misskey\'s blocked hosts (a full block) and silenced hosts (silence); a host\'s subdomains are ' +
      'covered too. Misskey keeps no media or report flags and no comment per host. admin/update-meta replaces both lists ' +
      'whole, so they are read, changed and written once per application, then read back; an edit made in Misskey\'s ' +
      'control panel at that very moment can be lost. Needs an administrator account and the read:admin:meta and ' +
      'write:admin:meta permissions.',
    'status.sensitive': 'Not offered: Misskey marks drive files, not notes, as sensitive.',
    'status.purge': 'Not needed on Misskey: "Delete post" already deletes the note for good; there is no separate purge.',
    'status.block': 'Misskey has no reversible way to hide a note for review: it can only be deleted.',
    'status.visibility': 'Misskey cannot change a note\'s visibility after it is posted, not even for moderators.',
  },
  accountActionTypes: ['suspend'],
  accountUndoTypes: ['unsuspend'],
  mediaPurgeBy: 'host',
  blocklist: {
    severities: ['suspend', 'silence'], flags: [], canUpdate: true, publicComment: false, obfuscate: false,
    note: 'Blocked or silenced host (subdomains included); no flags or comment. Both lists are rewritten whole once per application.',
  },
  purge: [
    {
      id: 'delete_note_file', label: 'Delete the note and its drive file',
      steps: [
        { action: { kind: 'status.delete' }, needs: ['post'] },
        { action: { kind: 'media.delete' }, needs: ['media'] },
      ],
      reach: 'item', reversible: false, removesFile: true,
      note: 'Deletes this note and the drive file behind it on this server (a copy known only by its file: the file alone).',
    },
    {
      id: 'delete_account', label: 'Delete the account',
      steps: [{ action: { kind: 'account.delete' }, needs: ['account'] }],
      reach: 'account', reversible: false, removesFile: true,
      note: 'Deletes the posting account with all its notes and files on this server (an admin confirms it).',
    },
    {
      id: 'purge_host_files', label: "Delete every cached file from the account's host",
      steps: [{ action: { kind: 'media.purge' }, needs: ['account_host'] }],
      reach: 'cache', reversible: true, removesFile: true,
      note: "Deletes all drive files cached from that host (fetched again when viewed); notes stay.",
    },
  ],
  webhooks: true,
  reportCreate: {
    forwards: true,
    needsPost: false,
    note:
      'Opens a report about the account as this dashboard\'s Misskey account (users/report-abuse, comment up to 2048 ' +
      'characters, with links to the notes). For a remote account it then forwards it as an ActivityPub Flag ' +
      '(admin/forward-abuse-user-report), once. Misskey cannot report administrators. Needs the write:report-abuse permission.',
  },
  findCopies: {
    by: ['account', 'origin_uri', 'media_url'],
    note:
      'Looks the origin account up in this server\'s own user table (admin/show-users by username and host), reads its ' +
      'latest 100 notes with files (users/notes) for the one whose ActivityPub id is the origin post, and reads that ' +
      'note\'s file (admin/drive/show-file) for its origin URL. Without the account it asks admin/drive/show-file by ' +
      'the origin file URL, which finds only files this server links to without caching: Misskey matches url, ' +
      'thumbnailUrl and webpublicUrl, not the origin URL a cached file keeps in uri. None of these fetch from another ' +
      'server; ap/show and users/show with a host do (they resolve unknown objects and users), so they are never used. ' +
      'Needs the read:admin:show-user and read:admin:drive permissions.',
  },
  watch: {
    recentPosts: true, hashtagLookup: true, keywordLookup: true, webhook: false,
    note:
      'New public notes are read from the global timeline (notes/global-timeline, 100 per scan, local and federated); if the ' +
      'server closes it to the dashboard\'s role, the local timeline is read instead and only local notes are watched. ' +
      'Hashtags are also looked up with notes/search-by-tag; keywords with notes/search, which works only when the role ' +
      'policy "Can search notes" is on. Misskey has no note webhook, so hits wait for the next scan.',
  },
  // 2024.10.0 added resolvedAs (accept/reject), the moderation note with admin/update-abuse-user-report, and the
  // packed users in the abuseReport system-webhook payload the webhook parser needs (misskey-dev/misskey #14704, #14698).
  minVersion: '2024.10.0',
};
