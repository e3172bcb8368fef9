/**
 * The case side of the connector interface: what a copy lookup asks and answers (lib/cases), and how a server kind
 * removes one copy (lib/purge). Kept apart from types.ts so each file holds one concept; types.ts re-exports it.
 */
import type { ActionKind } from './types';

/**
 * What a copy search asks an instance (lib/cases): "do you hold this post or this file?". Every field is as the
 * ORIGIN server published it (ActivityPub id of the post, its web URL, the file's URL, the posting account).
 */
export interface CopyQuery {
  /** ActivityPub id of the origin post, e.g. https://origin.example/users/alice/statuses/1. */
  originUri: string | null;
  /** The origin post's web page, e.g. https://origin.example/@alice/1. */
  originUrl: string | null;
  /** The file's URL on the origin server (what other servers record as the media's remote URL). */
  originMediaUrls: string[];
  /** The posting account as user@domain (domain = the origin's), and its profile URL / ActivityPub id. */
  originAccount: { acct: string; url: string | null } | null;
}

/** One copy an instance holds, in that instance's own ids and URLs. */
export interface FoundCopy {
  /** The instance's id for the post (status, note, post, video), or null where only a file was found. */
  postId: string | null;
  postUrl: string | null;
  /** The post's ActivityPub id as this instance records it (equals the query's originUri for a federated copy). */
  postUri: string | null;
  /** The instance's id and URL for the file (drive file, media attachment), where it has one. */
  mediaId: string | null;
  mediaUrl: string | null;
  /** The origin URL of the file as this instance records it. */
  originMediaUrl: string | null;
  /** Who posted it, as this instance knows them. */
  account: { remoteId: string | null; acct: string } | null;
  /** What identified it: the post's origin URI, or the file's origin URL. */
  foundBy: 'origin_uri' | 'media_url';
}

export type CopyLookupResult =
  /** The instance was asked and answered: `copies` may be empty (it holds none). `checked` says what was looked up. */
  | { status: 'checked'; copies: FoundCopy[]; checked: string }
  /** The server kind has no lookup that reads only its own database for this query: we did not ask. */
  | { status: 'cannot_check'; reason: string };

/** How a server kind can look for copies without making the server fetch anything (capabilities.findCopies). */
export interface CopyLookupCapability {
  /** Which query fields its lookups use. */
  by: ('origin_uri' | 'media_url' | 'account')[];
  /** Moderator-facing text: the endpoints used, and why they never fetch from elsewhere (or what cannot be checked). */
  note: string;
}

/** What a purge step needs from the copy to build its ConnectorAction (lib/purge/build-step.ts fills it in). */
export type PurgeStepRef =
  | 'post' // the copy's post id on this instance (status.delete, status.purge, status.block)
  | 'media' // the copy's file id on this instance (media.delete)
  | 'media_url' // the copy's file URL on this instance (media.purge by urls)
  | 'account' // the posting account's id on this instance (account.action, account.delete)
  | 'account_host' // the posting account's domain (media.purge by host, domain.block)
  | 'none'; // nothing (media.purge by days)

/** One way to remove a copy on this server kind, as the purge plan shows it before anything runs. */
export interface PurgeOption {
  /** Stable id within the kind, e.g. 'suspend_delete_data', 'delete_post', 'purge_post'. */
  id: string;
  /** Moderator-facing, e.g. "Suspend the account and delete its data". */
  label: string;
  /** The steps in order. `action` is the ConnectorAction's fixed part (kind, type, flags); refs are filled per copy. */
  steps: { action: { kind: ActionKind } & Record<string, unknown>; needs: PurgeStepRef[] }[];
  /** What else it affects besides this item: only the copy (post/file), everything of the account, the whole domain, the whole cache. */
  reach: 'item' | 'account' | 'domain' | 'cache';
  /** Whether the removal can be undone on the server (a Lemmy removal, a PeerTube block, a domain block's lifting). */
  reversible: boolean;
  /** Whether the server stops serving the file after this option (false: Mastodon's suspension alone keeps it). */
  removesFile: boolean;
  /** One or two sentences: what happens on this server, and what it reaches beyond the item. */
  note: string;
}
