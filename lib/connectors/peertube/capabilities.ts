/** What the PeerTube API can and cannot do, in words a moderator can act on. */
import type { Capabilities } from '../types';

export const peertubeCapabilities: Capabilities = {
  actions: [
    'report.resolve', 'report.reject', 'report.note', 'report.reopen', 'status.delete', 'status.block', 'account.action',
    'account.undo', 'domain.block', 'domain.blocks_reconcile',
  ],
  categories: [],
  notes: {
    'report.resolve':
      'Marks the abuse report "accepted" (action taken). A comment is added at the end of the report\'s moderation ' +
      'comment on PeerTube, after what other moderators wrote there.',
    'report.reject':
      'Marks the abuse report "rejected" (no violation). A comment is added at the end of the report\'s moderation ' +
      'comment on PeerTube, after what other moderators wrote there.',
    'report.note':
      'PeerTube keeps one moderation comment per report, seen only by moderators: the note is added at its end, after ' +
      'a blank line, and nothing already there is lost. The comment holds at most 3000 characters; a note that would ' +
      'go past that is refused.',
    'report.reopen': 'Sets the abuse report back to pending.',
    'status.delete':
      'Deletes the video (or the comment) for good. Where the video may be legitimate, prefer Block, which hides it ' +
      'and can be undone.',
    'status.block':
      'On PeerTube this adds the video to the block list: hidden from everyone but moderators, reversible. A video ' +
      'from this instance is also withdrawn from other instances until it is unblocked. Comments cannot be blocked; ' +
      'delete them instead.',
    'account.action': 'Only suspend is offered. On PeerTube this blocks the account server-wide.',
    'account.undo': 'Unsuspend removes the server-wide account block.',
    'domain.blocks_reconcile':
      "Adds and lifts hosts on the instance's server block list to match the applied lists. A PeerTube server block is " +
      'a full block: a limit (silence), reject media and comments cannot be applied.',
    'domain.block': 'A full server block: PeerTube has no severity or media-only options.',
    'report.assign_to_self': 'PeerTube abuse reports cannot be assigned.',
    'report.unassign': 'PeerTube abuse reports cannot be assigned.',
    'report.set_category': 'PeerTube does not let moderators change the reasons of a report.',
    'report.forward': 'PeerTube forwards reports on remote content by itself; there is no API to do it by hand.',
    'status.sensitive': "PeerTube has no API to mark someone else's video as sensitive.",
    'status.purge': 'Not offered on PeerTube: Delete already removes the video and its files from this instance.',
    'status.visibility': 'Not offered on PeerTube: use Block to hide a video from everyone but moderators.',
    'account.delete':
      'Not offered on PeerTube: its API deletes only local users, by a user id the reports do not carry. Suspend ' +
      "blocks the account server-wide; a local user can be deleted in PeerTube's admin.",
    'media.delete':
      "Not offered on PeerTube: a video's thumbnail and preview cannot be deleted on their own. Delete or block the video.",
    'media.purge':
      'PeerTube has no media cache purge: redundancy deletion only applies to mirrored videos. Delete the video instead.',
  },
  accountActionTypes: ['suspend'],
  accountUndoTypes: ['unsuspend'],
  // A domain block here is always a full block with no options (instance-apis.md).
  domainBlockOptions: [],
  resolveTakesComment: true,
  purge: [
    {
      id: 'delete_video', label: 'Delete the video',
      steps: [{ action: { kind: 'status.delete' }, needs: ['post'] }],
      reach: 'item', reversible: false, removesFile: true,
      note: 'Deletes the video with its files and thumbnails on this server.',
    },
    {
      id: 'block_video', label: 'Block the video (reversible)',
      steps: [{ action: { kind: 'status.block', blocked: true }, needs: ['post'] }],
      reach: 'item', reversible: true, removesFile: false,
      note: 'Hides the video on this server and keeps it for review; it can be unblocked. Its files stay on the server.',
    },
  ],
  blocklist: {
    severities: ['suspend'],
    flags: [],
    canUpdate: false,
    publicComment: false,
    obfuscate: false,
    note: 'A full block only (the server block list); no limit/silence, no flags, no comment.',
  },
  webhooks: false,
  reportCreate: {
    forwards: true,
    needsPost: false,
    note:
      'Opens an abuse report (reason of 2 to 3000 characters) as this dashboard\'s PeerTube account, on the video or ' +
      'comment when the copy has one, else on the account. PeerTube sends every report on a remote account\'s content to ' +
      'that account\'s instance by itself, so it is always forwarded; there is no separate forward.',
  },
  // Checked against the PeerTube 7.0.0 OpenAPI (instance-apis.md §6) and the server's validators; the fake runs as
  // 7.0.0. The endpoints are older (the /abuses API arrived in 2.4), but older servers are untested.
  findCopies: {
    by: ['origin_uri'],
    note:
      'PeerTube holds only videos and their comments: an image post from another server is never on it, so those copies say ' +
      '"cannot check". A video is looked up by its UUID with the video search limited to this instance, which reads only ' +
      'PeerTube\'s database. Searching by a URL is never used, because PeerTube then fetches that URL from its origin; nor is ' +
      'opening the video by id, which can make PeerTube refresh a remote video from its origin. Like PeerTube\'s own search, ' +
      'it sees remote videos only from instances this PeerTube follows.',
  },
  watch: {
    recentPosts: true, hashtagLookup: true, keywordLookup: true, webhook: false,
    note:
      'New videos (local, and from instances this server follows) are read newest first from /api/v1/videos, up to 300 ' +
      'per scan. Video lists carry the title and a shortened description but no tags, so hashtags are looked up with ' +
      'the video search (tagsOneOf); keywords are searched in video titles. Comments are not watched.',
  },
  minVersion: '7.0',
  // Status ids are video-N or comment-V-N (mapper.ts); only videos have a block list.
  statusIdPattern: { 'status.block': '^video-' },
};
