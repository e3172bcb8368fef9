/** What the Misskey API can and cannot do for this dashboard, in words a moderator can act on. */
import type { Capabilities } from '../types';

/**
 * Permission kinds the token must hold (Settings → API → "Generate access token", or MiAuth's `permission=`).
 * The account must also hold a moderator or administrator role: kinds alone do not open admin/* endpoints.
 * No drive permission is needed: purges go through admin/federation, and notes/delete removes a note's files
 * from the note (deleting drive files one by one would need write:admin:drive and is not offered).
 */
export const MISSKEY_PERMISSIONS = [
  'read:account', // `i`: who the token belongs to, for verify()
  'read:admin:abuse-user-reports', // list reports
  'write:admin:resolve-abuse-user-report', // resolve and forward reports
  'write:admin:suspend-user',
  'write:admin:unsuspend-user',
  'write:notes', // notes/delete
  'write:admin:federation', // admin/federation/delete-all-files (media purge by host)
] as const;

export type MisskeyPermission = (typeof MISSKEY_PERMISSIONS)[number];

export const misskeyCapabilities: Capabilities = {
  actions: ['report.resolve', 'report.forward', 'account.action', 'account.undo', 'status.delete', 'media.purge'],
  categories: [], // Misskey reports have no category; they are imported as "other"
  notes: {
    'report.resolve':
      'Resolves the report on Misskey as "accepted". Misskey has no resolution comment: the comment stays in this dashboard. ' +
      'Misskey records you as the assignee.',
    'report.forward': 'Sends the report (as an ActivityPub Flag) to the reported user\'s server. Only useful for remote users.',
    'account.action':
      'Only "suspend" is available. Misskey silences through role policies (admin/roles/assign), which this dashboard does not manage.',
    'account.undo': 'Only "unsuspend" is available.',
    'status.delete': 'Deletes the note on this instance (moderators may delete other users\' notes).',
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
    'status.sensitive': 'Not offered: Misskey marks drive files, not notes, as sensitive.',
  },
  accountActionTypes: ['suspend'],
  accountUndoTypes: ['unsuspend'],
  webhooks: true,
};
