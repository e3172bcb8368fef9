/**
 * What Lemmy can and cannot do through this connector, in words a moderator can act on. The connector speaks
 * API v3 (0.19, still served by 1.0) or v4 (1.0); one capability set covers both, and the notes say where the
 * two behave differently.
 */
import type { Capabilities } from '../types';

export const lemmyCapabilities: Capabilities = {
  actions: [
    'report.resolve', 'report.reopen', 'status.delete', 'status.purge', 'account.action', 'account.undo', 'account.delete', 'domain.block',
    'domain.blocks_reconcile',
  ],
  categories: [],
  notes: {
    'report.resolve': 'Marks the post, comment or private message report resolved. Lemmy keeps no resolution comment.',
    'report.reopen': 'Marks the report unresolved again.',
    'status.delete': 'Removes the post or comment (a moderator removal, reversible in Lemmy). Private messages cannot be removed.',
    'status.purge':
      'On Lemmy this is an admin purge: the post or comment is deleted for good, including its images in pict-rs, its reports and, ' +
      'for a post, its comments. It cannot be undone; for a reversible removal use the remove action instead. Private messages cannot be purged.',
    'account.action': 'Only suspend is offered. On Lemmy this is a site ban; the account\'s content is kept.',
    'account.undo': 'Unsuspend lifts the site ban.',
    'account.delete':
      'On Lemmy this is an admin purge of the person: their profile, posts, comments and uploaded images (in pict-rs) are deleted for good. ' +
      'The account record stays, banned, so it cannot log in or be fetched again. It cannot be undone. On Lemmy 0.19 the ' +
      'thumbnails pict-rs made of a remote person\'s link and image posts are not deleted (1.0 deletes them too).',
    'domain.block':
      'Blocks the instance; severity and options do not apply. On Lemmy 0.19 (API v3) the domain is added to the site\'s blocked ' +
      'instances and existing entries are kept; on Lemmy 1.0 (API v4) each instance is blocked on its own.',
    'domain.blocks_reconcile':
      'Applies blocklists as full instance blocks of exactly the listed domain (not its subdomains); Lemmy has no limit or ' +
      'silence, no media or report flags and no public comment. On Lemmy 0.19 the whole blocked list is read, changed and ' +
      'written back once per application; on Lemmy 1.0 each instance is blocked or unblocked on its own.',
    'media.purge':
      'Not offered: Lemmy cannot purge media by URL or host. To delete a post\'s images for good, use "Purge post", which deletes the post ' +
      'and its images in pict-rs.',
    'media.delete': 'Not offered: Lemmy media is deleted with its post ("Purge post") or its uploader ("Delete account permanently").',
    'report.assign_to_self': 'Lemmy reports cannot be assigned.',
    'report.unassign': 'Lemmy reports cannot be assigned.',
    'report.set_category': 'Lemmy reports have no categories; the reason is free text.',
    'report.forward': 'Lemmy has no API to forward a report.',
    'report.reject': 'Lemmy has no "no violation" outcome: resolve the report instead.',
    'report.note': 'Lemmy keeps no moderator notes on reports.',
    'status.sensitive': 'Lemmy has no admin API to mark a post sensitive (NSFW is set by its author or community).',
    'status.block': 'Lemmy has no reversible per-post block; use the remove action, which Lemmy can undo.',
    'status.visibility': 'Lemmy posts have no visibility setting.',
  },
  accountActionTypes: ['suspend'],
  accountUndoTypes: ['unsuspend'],
  // A domain block here is always a full block with no options (instance-apis.md).
  domainBlockOptions: [],
  blocklist: {
    severities: ['suspend'], flags: [], canUpdate: false, publicComment: false, obfuscate: false,
    note: 'A full block of exactly this domain (subdomains are not covered); no limit/silence, no flags, no comment.',
  },
  purge: [
    {
      id: 'purge_post', label: 'Purge the post and its images',
      steps: [{ action: { kind: 'status.purge' }, needs: ['post'] }],
      reach: 'item', reversible: false, removesFile: true,
      note: 'Deletes the post for good on this server, with its images in pict-rs. Nothing else is affected.',
    },
    {
      id: 'purge_account', label: 'Purge the account',
      steps: [{ action: { kind: 'account.delete' }, needs: ['account'] }],
      reach: 'account', reversible: false, removesFile: true,
      note:
        'Purges the posting account with all its posts, comments and images on this server (an admin confirms it). ' +
        'On Lemmy 0.19 the thumbnails of a remote account\'s link posts stay in pict-rs: prefer "Purge the post".',
    },
    {
      id: 'remove_post', label: 'Remove the post (reversible)',
      steps: [{ action: { kind: 'status.delete' }, needs: ['post'] }],
      reach: 'item', reversible: true, removesFile: false,
      note: "A moderator removal hides the post and can be undone; its image stays in pict-rs and may still be served.",
    },
  ],
  webhooks: false,
  reportCreate: {
    forwards: false,
    needsPost: true,
    note:
      'Opens a report on the post or comment (one per report, reason up to 1000 characters) as this dashboard\'s Lemmy account. ' +
      'Lemmy reports content, not accounts, and has no forward: it sends a report on a remote community\'s post to that ' +
      'community\'s instance by itself, where its moderators see it. A removed or deleted post cannot be reported.',
  },
  findCopies: {
    by: ['origin_uri', 'media_url'],
    note:
      'Copies are looked up with Lemmy\'s search, which then reads only its own database. On Lemmy 1.0 the search is sent without ' +
      'logging in, because a logged-in search makes Lemmy fetch the searched address from its origin; it finds the post by its origin ' +
      'address and by the address of its image. Lemmy 0.19 can only match the image address (search type "Url"): a copy whose image ' +
      'link differs is not found there. resolve_object and lookups of unknown accounts are never used, since they fetch. Lemmy 0.19 ' +
      'hides NSFW posts from search unless the dashboard\'s account has "Show NSFW" on; a private Lemmy 1.0 instance cannot be checked.',
  },
  watch: {
    recentPosts: true, hashtagLookup: false, keywordLookup: true, webhook: false,
    note:
      'New posts (local and federated) are read from post/list sorted by New, up to 200 per scan; Lemmy has no "since" ' +
      'cursor, so a scan reads back to the newest post it saw last time. Lemmy has no hashtags: "#tag" is matched in ' +
      'post titles and bodies, and a link post\'s URL counts as a link. Keywords are also searched (search, type Posts) ' +
      'without logging in, so Lemmy never fetches the term from another server; comments are not watched.',
  },
  minVersion: '0.19',
  statusDeleteReversible: true,
  accountActionText: { label: 'Ban reason', hint: "Shown in Lemmy's public modlog." },
  // Status ids are post:N, comment:N or pm:N (mapper.ts); private messages can be neither removed nor purged.
  statusIdPattern: { 'status.delete': '^(post|comment):', 'status.purge': '^(post|comment):', 'report.create': '^(post|comment):' },
};
