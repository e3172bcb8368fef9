import { describe, expect, it, vi } from 'vitest';
import type { Connector, FoundCopy, RemoteAccount } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { alreadyGone, checkEarlierPurgeStep } from './check-earlier-purge-step';

// The copy query is read from the database; this decision table is about what the server's answers mean.
vi.mock('@/lib/cases/load-copy-query', () => ({ loadCopyQuery: vi.fn(async () => ({ originUri: 'x', originUrl: null, originMediaUrls: [], originAccount: null })) }));

const account = (o: Partial<RemoteAccount>): RemoteAccount => ({ remoteId: '7', username: 'a', acct: 'a@b', displayName: 'a', url: null, avatarUrl: null, domain: 'b', ...o });
const found = (o: Partial<FoundCopy>): FoundCopy => ({ postId: null, postUrl: null, postUri: null, mediaId: null, mediaUrl: null, originMediaUrl: null, account: null, foundBy: 'origin_uri', ...o });
function server(o: { account?: RemoteAccount | null | Error; copies?: FoundCopy[] | 'cannot_check' | Error }): Connector {
  return {
    getAccount: async () => { if (o.account instanceof Error) throw o.account; return o.account ?? null; },
    findCopies: async () => {
      if (o.copies instanceof Error) throw o.copies;
      return o.copies === 'cannot_check' ? { status: 'cannot_check', reason: 'no' } : { status: 'checked', copies: o.copies ?? [], checked: 'x' };
    },
  } as unknown as Connector;
}
const act = (kind: string, payload: Record<string, unknown>) => ({ kind, payload: { kind, ...payload }, caseId: '00000000-0000-4000-8000-000000000001', instanceId: 'i' });

describe('checkEarlierPurgeStep', () => {
  it('reads a suspension from the account', async () => {
    expect(await checkEarlierPurgeStep(server({ account: account({ suspended: true }) }), act('account.action', { accountId: '7', type: 'suspend' }))).toBe('applied');
    expect(await checkEarlierPurgeStep(server({ account: account({ suspended: false }) }), act('account.action', { accountId: '7', type: 'suspend' }))).toBe('not_applied');
    expect(await checkEarlierPurgeStep(server({ account: account({}) }), act('account.action', { accountId: '7', type: 'suspend' }))).toBe('unknown');
    expect(await checkEarlierPurgeStep(server({ account: null }), act('account.action', { accountId: '7', type: 'suspend' }))).toBe('applied');
  });

  it('reads a deletion from the account, and from the lookup when a suspended stub remains', async () => {
    expect(await checkEarlierPurgeStep(server({ account: null }), act('account.delete', { accountId: '7' }))).toBe('applied');
    expect(await checkEarlierPurgeStep(server({ account: account({ suspended: false }) }), act('account.delete', { accountId: '7' }))).toBe('not_applied');
    expect(await checkEarlierPurgeStep(server({ account: account({ suspended: true }), copies: [] }), act('account.delete', { accountId: '7' }))).toBe('applied');
    expect(await checkEarlierPurgeStep(server({ account: account({ suspended: true }), copies: [found({ account: { remoteId: '7', acct: 'a@b' } })] }), act('account.delete', { accountId: '7' }))).toBe('not_applied');
  });

  it('reads post and file removals from the copy lookup; unknown when it cannot tell', async () => {
    const listed = server({ copies: [found({ postId: 'p1', mediaId: 'f1' })] });
    expect(await checkEarlierPurgeStep(listed, act('status.delete', { statusId: 'p1' }))).toBe('not_applied');
    expect(await checkEarlierPurgeStep(listed, act('status.purge', { statusId: 'p2' }))).toBe('applied');
    expect(await checkEarlierPurgeStep(listed, act('media.delete', { mediaId: 'f1' }))).toBe('not_applied');
    expect(await checkEarlierPurgeStep(server({ copies: [] }), act('media.delete', { mediaId: 'f1' }))).toBe('applied');
    expect(await checkEarlierPurgeStep(server({ copies: 'cannot_check' }), act('status.block', { statusId: 'p1' }))).toBe('unknown');
    expect(await checkEarlierPurgeStep(server({ copies: new AppError('remote_error', '503') }), act('status.delete', { statusId: 'p1' }))).toBe('unknown');
  });

  it('sends a cache purge again; reads a domain block back from the block list, or leaves it to a human without one', async () => {
    expect(await checkEarlierPurgeStep(server({}), act('media.purge', { urls: ['u'] }))).toBe('not_applied');
    expect(await checkEarlierPurgeStep(server({}), act('domain.block', { domain: 'b' }))).toBe('unknown');
    const withList = (domains: string[]) => ({
      ...server({}),
      listDomainBlocks: async () => ({ blocks: domains.map((domain) => ({ domain, remoteId: null, severity: 'suspend' as const, rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false })), skipped: [] }),
    });
    expect(await checkEarlierPurgeStep(withList(['b.example']), act('domain.block', { domain: 'B.example.' }))).toBe('applied');
    expect(await checkEarlierPurgeStep(withList(['c.example']), act('domain.block', { domain: 'b.example' }))).toBe('not_applied');
  });

  it('counts a removal answered 404 as already gone, never a block or a purge', () => {
    const nf = new AppError('not_found', 'x');
    const s404 = new AppError('remote_error', 'x', { details: { status: 404 } });
    expect(alreadyGone('status.delete', nf)).toBe(true);
    expect(alreadyGone('media.delete', s404)).toBe(true);
    expect(alreadyGone('domain.block', nf)).toBe(false);
    expect(alreadyGone('status.delete', new AppError('remote_error', 'x', { details: { status: 500 } }))).toBe(false);
  });
});
