/**
 * Whether a server kind can reopen a resolved report: if not, a resolve from the queue asks first. Built from the
 * connectors' declared capabilities (the capability files are plain data, safe in the browser; the registry is not,
 * it pulls in the HTTP clients).
 */
import { akkomaCapabilities } from '@/lib/connectors/akkoma/capabilities';
import { gotosocialCapabilities } from '@/lib/connectors/gotosocial/capabilities';
import { lemmyCapabilities } from '@/lib/connectors/lemmy/capabilities';
import { mastodonCapabilities } from '@/lib/connectors/mastodon/capabilities';
import { misskeyCapabilities } from '@/lib/connectors/misskey/capabilities';
import { peertubeCapabilities } from '@/lib/connectors/peertube/capabilities';
import type { Capabilities } from '@/lib/connectors/types';

const BY_KIND: Record<string, Capabilities> = {
  mastodon: mastodonCapabilities, gotosocial: gotosocialCapabilities, akkoma: akkomaCapabilities,
  misskey: misskeyCapabilities, lemmy: lemmyCapabilities, peertube: peertubeCapabilities,
};

/** Unknown kinds count as "cannot": asking once too often is cheaper than an irreversible surprise. */
export function canReopen(kind: string): boolean {
  return BY_KIND[kind]?.actions.includes('report.reopen') ?? false;
}
