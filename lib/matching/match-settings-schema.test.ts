import { describe, expect, it } from 'vitest';
import { MATCH_SETTINGS_DEFAULTS, parseStoredMatchSettings, updateMatchSettingsInput } from './match-settings-schema';

describe('matching settings', () => {
  it('defaults to threshold 31 and quality gate 50', () => {
    expect(parseStoredMatchSettings(undefined)).toEqual({ threshold: 31, qualityGate: 50 });
    expect(MATCH_SETTINGS_DEFAULTS).toEqual({ threshold: 31, qualityGate: 50 });
  });

  it('keeps valid stored fields and replaces broken ones by their default', () => {
    expect(parseStoredMatchSettings({ threshold: 20, qualityGate: 70 })).toEqual({ threshold: 20, qualityGate: 70 });
    expect(parseStoredMatchSettings({ threshold: 99, qualityGate: 70 })).toEqual({ threshold: 31, qualityGate: 70 });
    expect(parseStoredMatchSettings({ threshold: '20', qualityGate: -1 })).toEqual({ threshold: 31, qualityGate: 50 });
  });

  it('accepts partial updates within 0-64 and 0-100 only', () => {
    expect(updateMatchSettingsInput.safeParse({ threshold: 64 }).success).toBe(true);
    expect(updateMatchSettingsInput.safeParse({ qualityGate: 0 }).success).toBe(true);
    expect(updateMatchSettingsInput.safeParse({ threshold: 65 }).success).toBe(false);
    expect(updateMatchSettingsInput.safeParse({ threshold: 10.5 }).success).toBe(false);
    expect(updateMatchSettingsInput.safeParse({ qualityGate: 101 }).success).toBe(false);
    expect(updateMatchSettingsInput.safeParse({}).success).toBe(false);
  });
});
