import { describe, expect, it } from 'vitest';
import { akkomaReportSchema } from './api-types';
import { mapAccount, mapReport } from './mapper';
import { remoteErrorText } from './remote-error';

const TOKEN = 'tok-abc123';
const account = (nickname: string, extra: Record<string, unknown> = {}) => ({
  id: `id-${nickname}`, username: nickname.split('@')[0], acct: nickname, nickname, ...extra,
});

describe('akkoma mapper (pure)', () => {
  it('uses the nickname as remoteId and reads state from tags and is_active', () => {
    const a = akkomaReportSchema.shape.account.parse(
      account('bob@remote.example', { tags: ['mrf_tag:force-unlisted'], is_active: false, unknown_field: 1 }),
    );
    expect(mapAccount(a)).toMatchObject({
      remoteId: 'bob@remote.example', domain: 'remote.example', silenced: true, sensitized: false, disabled: true, suspended: false,
    });
  });

  it('treats closed and resolved reports as resolved and keeps the content as the comment', () => {
    const raw = { id: 'RP1', state: 'closed', account: account('bob'), actor: null, content: null, created_at: '2026-01-01T00:00:00Z', statuses: null };
    expect(mapReport(akkomaReportSchema.parse(raw))).toMatchObject({ resolved: true, comment: '', reporter: null, statuses: [] });
  });

  it('reads all three error body shapes', () => {
    expect(remoteErrorText('"Not found"', TOKEN)).toBe('Not found');
    expect(remoteErrorText('{"error":"Throttled"}', TOKEN)).toBe('Throttled');
    expect(remoteErrorText('[{"id":"1","error":"not_found"}]', TOKEN)).toBe('not_found');
    expect(remoteErrorText('<html>502</html>', TOKEN)).toBe('');
  });
});
