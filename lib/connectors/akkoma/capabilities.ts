/** What the Pleroma/Akkoma admin API can and cannot do, in words a moderator can act on. */
import type { Capabilities } from '../types';

export const akkomaCapabilities: Capabilities = {
  actions: [
    'report.resolve',
    'report.reject',
    'report.reopen',
    'report.note',
    'account.action',
    'account.undo',
    'account.delete',
    'status.delete',
    'status.sensitive',
    'status.visibility',
    'media.purge',
  ],
  categories: [],
  notes: {
    'report.resolve': 'A resolution comment is added to the report as an Akkoma report note.',
    'report.note': "Adds a report note on Akkoma, visible to the other moderators in Akkoma's admin.",
    'account.action':
      'Disable deactivates the account. Sensitive and silence add the MRF tags mrf_tag:media-force-nsfw and ' +
      'mrf_tag:force-unlisted, which only act when TagPolicy is enabled. Akkoma has no suspend; deactivate the ' +
      'account, or use "Delete account permanently".',
    'account.undo': "Enable reactivates; unsensitive and unsilence remove the MRF tags. There is no suspension to undo.",
    'account.delete':
      'On Akkoma this deletes the account and all its posts for good (for a remote account, Akkoma removes its ' +
      'local copies). It cannot be undone, and Akkoma keeps no reason: the reason stays in this dashboard.',
    'status.visibility': 'Changes who can see the post on Akkoma (private = followers only).',
    'report.reject':
      'Closes the report on Akkoma ("closed": no action needed); your comment is added as a report note first.',
    'media.purge':
      'Purges the media proxy cache for those URLs and bans them, so the proxy will not fetch them again. Akkoma bans by ' +
      'the origin file URL, so the origin behind each proxied URL is sent too. Without a media proxy, posts link the ' +
      "origin's file directly and there is nothing on this server to purge.",
    'report.assign_to_self': 'Akkoma reports cannot be assigned.',
    'report.unassign': 'Akkoma reports cannot be assigned.',
    'report.set_category': 'Akkoma reports have no categories.',
    'report.forward': 'Akkoma has no API to forward a report.',
    'status.purge': 'Akkoma has no purge beyond deleting: "Delete post" already removes it for good.',
    'status.block': 'Akkoma cannot hide a post reversibly: change its visibility or delete it.',
    'media.delete': 'Akkoma has no API to delete one stored file: delete the post, or purge proxied media by URL.',
    'domain.block': "Akkoma blocks domains through MRF SimplePolicy configuration; change it in Akkoma's admin.",
    'domain.blocks_reconcile':
      'Akkoma blocks domains through MRF SimplePolicy configuration; blocklists cannot be applied through its API.',
  },
  accountActionTypes: ['disable', 'sensitive', 'silence'],
  accountUndoTypes: ['enable', 'unsensitive', 'unsilence'],
  mediaPurgeBy: 'urls',
  resolveTakesComment: true,
  purge: [
    {
      id: 'delete_post', label: 'Delete the post and purge its media from the proxy',
      steps: [
        { action: { kind: 'status.delete' }, needs: ['post'] },
        { action: { kind: 'media.purge' }, needs: ['media_url'] },
      ],
      reach: 'item', reversible: false, removesFile: true,
      note: 'Deletes this post on this server and purges and bans its file URL in the media proxy. Nothing else is affected.',
    },
    {
      id: 'delete_account', label: 'Delete the account and purge its media from the proxy',
      steps: [
        { action: { kind: 'account.delete' }, needs: ['account'] },
        { action: { kind: 'media.purge' }, needs: ['media_url'] },
      ],
      reach: 'account', reversible: false, removesFile: true,
      note: "Deletes the posting account and all its posts on this server (an admin confirms it), then purges this file from the proxy.",
    },
  ],
  reportCreate: {
    forwards: true,
    needsPost: false,
    note:
      "Opens a report as the connected admin account; with forward, Akkoma sends it to the account's server as a Flag. " +
      'The token also needs the write:reports scope (held by write).',
  },
  webhooks: false,
  watch: {
    recentPosts: true,
    hashtagLookup: true,
    keywordLookup: true,
    webhook: false,
    note:
      'Reads new public posts (timelines/public, at most 40 per scan) and each watched hashtag\'s timeline; keywords ' +
      'are also searched in the posts the server stores (no Elasticsearch needed), except keywords with a link, which ' +
      'Akkoma would fetch from their origin. The token needs read:statuses and read:search.',
  },
  findCopies: {
    by: ['account', 'origin_uri', 'media_url'],
    note:
      'Looks the origin account up in this server\'s own user table (admin users list, filtered to remote accounts) and ' +
      'reads its latest 100 posts through the admin API, by the account\'s internal id, for the post whose ActivityPub ' +
      'id is the origin post or an attachment from the origin file URL. Neither call fetches from another server. ' +
      'Akkoma\'s search is never used: it fetches any URL it does not already hold, even with resolve=false, and ' +
      'looking an unknown remote account up by nickname triggers a WebFinger fetch. Without the origin account Akkoma ' +
      'cannot check. Akkoma usually keeps remote files only in its media proxy cache: the copy found is the post.',
  },
  // The /api/v1/pleroma/admin prefix arrived with Pleroma 2.3.0 ("Reroute /api/pleroma/* to /api/v1/pleroma/*"),
  // so every Akkoma release (forked from Pleroma 2.4+) has it; Akkoma 3.6 removed the unversioned prefix.
  minVersion: 'Akkoma 3.0 / Pleroma 2.3',
};
