/** What the PeerTube API can and cannot do, in words a moderator can act on. */
import type { Capabilities } from '../types';

export const peertubeCapabilities: Capabilities = {
  actions: ['report.resolve', 'report.reopen', 'status.delete', 'account.action', 'account.undo', 'domain.block'],
  categories: [],
  notes: {
    'report.resolve': 'Marks the abuse report "accepted" with the comment as the moderation comment. Rejecting is not offered yet.',
    'report.reopen': 'Sets the abuse report back to pending.',
    'status.delete':
      'Deletes the video (or the comment) for good. Where the video may be legitimate, prefer blocking it in ' +
      "PeerTube's admin (video block list), which hides it and can be undone.",
    'account.action': 'Only suspend is offered. On PeerTube this blocks the account server-wide.',
    'account.undo': 'Unsuspend removes the server-wide account block.',
    'domain.block': 'A full server block: PeerTube has no severity or media-only options.',
    'report.assign_to_self': 'PeerTube abuse reports cannot be assigned.',
    'report.unassign': 'PeerTube abuse reports cannot be assigned.',
    'report.set_category': 'PeerTube does not let moderators change the reasons of a report.',
    'report.forward': 'PeerTube forwards reports on remote content by itself; there is no API to do it by hand.',
    'status.sensitive': "PeerTube has no API to mark someone else's video as sensitive.",
    'media.purge':
      'PeerTube has no media cache purge: redundancy deletion only applies to mirrored videos. Delete the video instead.',
  },
  accountActionTypes: ['suspend'],
  accountUndoTypes: ['unsuspend'],
  webhooks: false,
};
