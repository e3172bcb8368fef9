import { describe, expect, it } from 'vitest';
import type { FoundCopy } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { remoteCopyKey } from './copy-key';
import { cannotLookUp, outcomeOfError, outcomeOfResult } from './lookup-outcome';

const copy = (over: Partial<FoundCopy>): FoundCopy => ({
  postId: '1', postUrl: null, postUri: null, mediaId: null, mediaUrl: null, originMediaUrl: null, account: null, foundBy: 'origin_uri', ...over,
});

describe('lookup outcome', () => {
  it('keys copies by post, else by file, as contracts.md says', () => {
    expect(remoteCopyKey({ postId: '7', mediaId: '9' })).toBe('post:7');
    expect(remoteCopyKey({ postId: null, mediaId: '9' })).toBe('media:9');
    expect(remoteCopyKey({ postId: null, mediaId: null })).toBeNull();
  });

  it('checked with copies -> found (one per key); without -> none', () => {
    const found = outcomeOfResult({ status: 'checked', checked: 'search by URI.', copies: [copy({}), copy({ foundBy: 'media_url' }), copy({ postId: null, mediaId: 'm' }), copy({ postId: null })] });
    expect(found.status).toBe('found');
    expect(found.copies.map((c) => c.copyKey)).toEqual(['post:1', 'media:m']);
    expect(found.detail).toBe('Found 2 copies. Checked: search by URI. 1 match without a post or file id ignored.');
    const none = outcomeOfResult({ status: 'checked', checked: 'search by URI', copies: [] });
    expect(none).toEqual({ status: 'none', detail: 'No copy. Checked: search by URI.', copies: [] });
  });

  it('cannot_check keeps the connector\'s reason; a kind without findCopies says it cannot check without fetching', () => {
    expect(outcomeOfResult({ status: 'cannot_check', reason: 'No admin search.' })).toEqual({ status: 'cannot_check', detail: 'No admin search.', copies: [] });
    expect(cannotLookUp('peertube').detail).toBe('PeerTube cannot look for copies without fetching from another server.');
    expect(cannotLookUp('peertube', 'Search by URL fetches the video.').detail).toBe('PeerTube cannot look for copies without fetching from another server. Search by URL fetches the video.');
  });

  it('an error shows its user message and status, never the internal message', () => {
    const e = new AppError('remote_error', 'GET https://x.test/api?access_token=SECRET failed with 500', { userMessage: 'The instance returned an error.', details: { status: 500 } });
    const o = outcomeOfError(e);
    expect(o).toEqual({ status: 'error', detail: 'The lookup failed: The instance returned an error. (HTTP 500)', copies: [] });
    expect(outcomeOfError(new Error('token SECRET')).detail).not.toContain('SECRET');
  });
});
