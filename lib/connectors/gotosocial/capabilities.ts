/** What GoToSocial's admin API can and cannot do (instance-apis.md §2), in words a moderator can act on. */
import type { Capabilities } from '../types';

const NOT_IN_API = "GoToSocial's admin API has no endpoint for this; use GoToSocial's own settings panel.";

export const gotosocialCapabilities: Capabilities = {
  actions: ['report.resolve', 'account.action', 'domain.block', 'domain.blocks_reconcile', 'media.purge'],
  // report.set_category is not offered, so there are no categories to choose from.
  categories: [],
  notes: {
    'report.resolve': 'Resolves the report on GoToSocial; your comment is stored there as the action-taken comment.',
    'account.action':
      "GoToSocial's API can only suspend an account. Silence, sensitive, disable and warnings are not offered. " +
      'Suspension deletes the account\'s posts and media on this instance and cannot be undone through the API.',
    'domain.block':
      'GoToSocial blocks a domain completely (its accounts are suspended here). Severity and "reject media" are not ' +
      'supported; "obfuscate" and the public and private comments are sent.',
    'domain.blocks_reconcile':
      'Creates and lifts domain blocks to match the applied lists. Every GoToSocial block is a full block: a limit ' +
      '(silence) cannot be applied, and an existing block cannot be changed, only lifted.',
    'media.purge':
      'Prunes ALL cached remote media older than the number of days you give, plus unused avatars, headers and ' +
      'orphaned files. It cannot remove one item, and GoToSocial runs the cleanup in the background.',
    'report.assign_to_self': `Reports cannot be assigned. ${NOT_IN_API}`,
    'report.unassign': `Reports cannot be assigned. ${NOT_IN_API}`,
    'report.reopen': `A resolved report cannot be reopened. ${NOT_IN_API}`,
    'report.set_category': `A report's category cannot be changed. ${NOT_IN_API}`,
    'status.delete': "GoToSocial's admin API cannot delete posts. Suspend the account instead.",
    'account.undo': `A suspension cannot be undone. ${NOT_IN_API}`,
    'report.forward': 'GoToSocial forwards a report only when the reporter asks for it; moderators cannot forward later.',
    'status.sensitive': `Posts cannot be marked sensitive by a moderator. ${NOT_IN_API}`,
    'report.reject': 'GoToSocial has no "rejected" state: resolve the report with a comment saying no action was taken.',
    'report.note': 'GoToSocial keeps one action-taken comment, written when resolving; there are no separate notes.',
    'account.delete': `Accounts cannot be deleted through the admin API; suspension removes their content. ${NOT_IN_API}`,
    'status.purge': "GoToSocial's admin API cannot delete posts. Suspend the account instead.",
    'status.block': `Posts cannot be hidden by a moderator. ${NOT_IN_API}`,
    'status.visibility': `A post's visibility cannot be changed by a moderator. ${NOT_IN_API}`,
    'media.delete': 'One file cannot be deleted; media cleanup prunes cached remote media by age.',
  },
  findCopies: {
    by: ['origin_uri'],
    note:
      "Searches this instance's stored posts for the origin post's ActivityPub id (or web URL) with resolve=false, " +
      'which GoToSocial answers from its own database only; it never asks the origin server. GoToSocial has no ' +
      'lookup by file URL, so the same file re-posted in another post is found only by the dashboard\'s own hashes. ' +
      'The token also needs the read:search scope.',
  },
  accountActionTypes: ['suspend'],
  accountUndoTypes: [],
  mediaPurgeBy: 'days',
  domainBlockOptions: ['obfuscate', 'privateComment', 'publicComment'],
  resolveTakesComment: true,
  purge: [
    {
      id: 'suspend', label: 'Suspend the account (deletes its posts and media)',
      steps: [{ action: { kind: 'account.action', type: 'suspend', notify: false }, needs: ['account'] }],
      reach: 'account', reversible: false, removesFile: true,
      note: "GoToSocial's suspension deletes every post and file of the account on this server; it cannot be undone.",
    },
    {
      id: 'domain_block', label: "Block the account's domain",
      steps: [{ action: { kind: 'domain.block', severity: 'suspend', rejectMedia: true, rejectReports: false, obfuscate: false }, needs: ['account_host'] }],
      reach: 'domain', reversible: true, removesFile: true,
      note: 'Blocks the whole domain and removes what this server holds from it; the block can be lifted later.',
    },
    {
      id: 'media_cleanup', label: 'Clean up the remote media cache',
      steps: [{ action: { kind: 'media.purge', olderThanDays: 0 }, needs: ['none'] }],
      reach: 'cache', reversible: true, removesFile: true,
      note: "Removes every cached remote file on this server (they are fetched again when viewed); the post stays.",
    },
  ],
  reportCreate: {
    forwards: true,
    needsPost: false,
    note:
      "Opens a report as the connected admin account; with forward, GoToSocial sends it to the account's server as a Flag. " +
      'The token also needs the write:reports scope (held by write).',
  },
  blocklist: {
    severities: ['suspend'],
    flags: [],
    canUpdate: false,
    publicComment: true,
    obfuscate: true,
    note: 'A full block only (its accounts are suspended here); no limit/silence, no reject media or reject reports.',
  },
  webhooks: false,
  watch: {
    recentPosts: true,
    hashtagLookup: true,
    keywordLookup: false,
    webhook: false,
    note:
      'Reads new public posts (timelines/public, at most 40 per scan) and each watched hashtag\'s timeline (GoToSocial ' +
      '0.13 or later). GoToSocial has no full-text post search, so keywords and link domains are matched in the feed ' +
      'scan only; the token needs read:statuses.',
  },
  // Scoped admin tokens (admin:read:reports, …) arrived in 0.19; the connector checks those scopes.
  minVersion: '0.19',
  accountActionText: { label: 'Reason', hint: 'Kept on GoToSocial with the suspension.' },
};
