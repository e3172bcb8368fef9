import { describe, expect, it } from 'vitest';
import { mediaSignals } from './media-signals';

const media = { pdqHash: 'ab'.repeat(32), pdqQuality: 90, md5: 'cd'.repeat(16), sha256: 'EF'.repeat(32) };

describe('mediaSignals', () => {
  it('takes all three hashes, lowercased, when PDQ quality is high enough', () => {
    expect(mediaSignals(media)).toEqual({
      signals: [{ signalType: 'pdq', value: 'ab'.repeat(32) }, { signalType: 'md5', value: 'cd'.repeat(16) }, { signalType: 'sha256', value: 'ef'.repeat(32) }],
      skipped: [],
    });
  });

  it('leaves out a PDQ hash below quality 50 (exactly 50 is kept)', () => {
    expect(mediaSignals({ ...media, pdqQuality: 49 }).skipped).toEqual([{ signalType: 'pdq', reason: 'quality 49 below 50' }]);
    expect(mediaSignals({ ...media, pdqQuality: 50 }).signals).toHaveLength(3);
    expect(mediaSignals({ ...media, pdqQuality: null }).skipped[0].reason).toBe('quality unknown below 50');
  });

  it('skips hashes that are missing or malformed', () => {
    const r = mediaSignals({ pdqHash: null, pdqQuality: null, md5: 'xyz', sha256: 'ab'.repeat(32) });
    expect(r.signals.map((s) => s.signalType)).toEqual(['sha256']);
    expect(r.skipped).toEqual([{ signalType: 'pdq', reason: 'not computed' }, { signalType: 'md5', reason: 'malformed hash' }]);
  });
});
