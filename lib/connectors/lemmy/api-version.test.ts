import { describe, expect, it } from 'vitest';
import { lemmyApiVersion, selectLemmyApi } from './api-version';

describe('lemmyApiVersion', () => {
  it('picks v4 from 1.0 on, pre-releases included', () => {
    for (const v of ['1.0.0', '1.0.0-beta.1', '1.0.0-alpha.12', '1.0.0-resolve-reason.0', '1.2.3', 'v1.0.1', '2.0', '1']) {
      expect(lemmyApiVersion(v), v).toBe('v4');
    }
  });

  it('keeps v3 for 0.x, null and unreadable versions', () => {
    for (const v of ['0.19.9', '0.19.20', '0.18.5', '0.19.0-rc.1', null, '', 'unknown', 'lemmy', '.1.0']) {
      expect(lemmyApiVersion(v), String(v)).toBe('v3');
    }
  });

  it('selects v4 only for an explicit "v4" config value', () => {
    expect(selectLemmyApi('v4')).toBe('v4');
    for (const v of ['v3', 'V4', '4', '', null, undefined]) expect(selectLemmyApi(v)).toBe('v3');
  });
});
