/**
 * Pure: the comment of the report a connected server opens (report.create) to reach the origin. It travels to
 * another server's moderators, so it says only what they need to find the post: never our hashes of other servers'
 * files, instance names or credentials. Servers cap comments (Mastodon and GoToSocial at 1000 characters); the
 * signature line (the requester's pseudonym or the team's name, lib/team/sign-outbound.ts) is kept whole within it.
 */
import { appendSignature } from '@/lib/team/signature';
import { labelWords } from './label-words';

export interface CommentCase { number: number; title: string; label: string | null; instanceCount: number; originUrl: string | null; originUri: string | null }

const LIMIT = 1000;

export function forwardComment(c: CommentCase, signature?: string): string {
  const title = c.title.length > 200 ? `${c.title.slice(0, 199)}…` : c.title;
  const servers = c.instanceCount === 1 ? '1 server' : `${c.instanceCount} servers`;
  const url = c.originUrl ?? c.originUri;
  const review = url ? `Please review the origin post: ${url}` : 'Please review the origin post.';
  const text = `Case ${c.number} (fedimod): ${title}. Copies of this post were found on ${servers}. ${labelWords(c.label)}. ${review}`;
  return signature ? appendSignature(text, signature, LIMIT) : text.slice(0, LIMIT);
}
