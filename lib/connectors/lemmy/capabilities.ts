/** What the Lemmy v3 API can and cannot do, in words a moderator can act on. */
import type { Capabilities } from '../types';

export const lemmyCapabilities: Capabilities = {
  actions: ['report.resolve', 'report.reopen', 'status.delete', 'account.action', 'account.undo', 'domain.block'],
  categories: [],
  notes: {
    'report.resolve': 'Marks the post, comment or private message report resolved. Lemmy keeps no resolution comment.',
    'status.delete': 'Removes the post or comment (a moderator removal, reversible in Lemmy). Private messages cannot be removed.',
    'account.action': 'Only suspend is offered. On Lemmy this is a site ban; the account\'s content is kept.',
    'account.undo': 'Unsuspend lifts the site ban.',
    'domain.block': 'Adds the domain to the site\'s blocked instances; existing entries are kept. Severity and options do not apply.',
    'media.purge':
      "Not offered: Lemmy's admin purge of a person or post deletes the content permanently, so it is not offered in this pass.",
    'report.assign_to_self': 'Lemmy reports cannot be assigned.',
    'report.unassign': 'Lemmy reports cannot be assigned.',
    'report.set_category': 'Lemmy reports have no categories; the reason is free text.',
    'report.forward': 'Lemmy has no API to forward a report.',
    'status.sensitive': 'Lemmy has no admin API to mark a post sensitive (NSFW is set by its author or community).',
  },
  accountActionTypes: ['suspend'],
  accountUndoTypes: ['unsuspend'],
  webhooks: false,
};
