import { describe, expect, it } from 'vitest';
import { actionInput } from './action-input';
import { toConnectorAction, type ReportRefs } from './to-connector-action';

const STATUS = '6f1c1a52-3a0e-4b8e-9d7e-2f4c1b8a9e01';
const MEDIA = '0b7d3c2e-5f41-4a7c-8e2d-9a1b3c4d5e6f';
const refs: ReportRefs = {
  reportRemoteId: 'r1',
  targetRemoteId: 'acc-9',
  targetDomain: 'remote.example',
  targetAcct: 'spammer@remote.example',
  statusRemoteIds: { [STATUS]: 'post-42' },
  mediaUrls: ['https://i.example/a.png'],
  mediaRemoteIds: { [MEDIA]: 'file-7' },
};
const convert = (a: unknown) => toConnectorAction(actionInput.parse(a), refs);
/** The text the moderator sees (AppError.userMessage), not the internal message. */
function shown(a: unknown): string {
  try {
    convert(a);
  } catch (e) {
    return (e as { userMessage?: string }).userMessage ?? String(e);
  }
  throw new Error('expected a refusal');
}

describe('toConnectorAction: the new action kinds', () => {
  it('maps post actions onto the server ids of the report\'s own posts', () => {
    expect(convert({ kind: 'status.purge', statusId: STATUS, reason: 'csam' })).toEqual({ kind: 'status.purge', statusId: 'post-42', reason: 'csam' });
    expect(convert({ kind: 'status.block', statusId: STATUS })).toEqual({ kind: 'status.block', statusId: 'post-42', blocked: true, reason: undefined });
    expect(convert({ kind: 'status.block', statusId: STATUS, blocked: false })).toMatchObject({ blocked: false });
    expect(convert({ kind: 'status.visibility', statusId: STATUS, visibility: 'unlisted' })).toEqual({ kind: 'status.visibility', statusId: 'post-42', visibility: 'unlisted' });
    expect(shown({ kind: 'status.purge', statusId: MEDIA })).toMatch(/not part of this report/);
  });

  it('maps a media file to its server id and refuses files outside the report', () => {
    expect(convert({ kind: 'media.delete', mediaId: MEDIA })).toEqual({ kind: 'media.delete', mediaId: 'file-7' });
    expect(shown({ kind: 'media.delete', mediaId: STATUS })).toMatch(/not part of this report/);
  });

  it('report reject and note carry the report id; an empty note is refused', () => {
    expect(convert({ kind: 'report.reject', comment: '' })).toEqual({ kind: 'report.reject', reportId: 'r1', comment: undefined });
    expect(convert({ kind: 'report.note', text: ' seen it ' })).toEqual({ kind: 'report.note', reportId: 'r1', text: 'seen it' });
    expect(() => convert({ kind: 'report.note', text: '   ' })).toThrow();
  });

  it('account deletion needs the handle typed back (case and a leading @ do not matter)', () => {
    expect(convert({ kind: 'account.delete', confirm: '@Spammer@remote.example ' })).toEqual({ kind: 'account.delete', accountId: 'acc-9', reason: undefined });
    expect(shown({ kind: 'account.delete', confirm: 'spammer' })).toMatch(/Type the account's handle \(spammer@remote\.example\)/);
  });
});
