/** The case page's wording for how a copy was found and what a lookup answered (pure). */
import { describe, expect, it } from 'vitest';
import { describeFoundBy, describeLookup, isSearching } from '@/components/cases/case-text';
import { groupText, caseBadgeText } from '@/components/cases/case-badge';

describe('case wording', () => {
  it('says how each copy was recognised', () => {
    const c = { distance: null, variant: null };
    expect(describeFoundBy({ ...c, foundBy: 'sha256' })).toBe('Same file (SHA-256)');
    expect(describeFoundBy({ ...c, foundBy: 'md5' })).toBe('Same file (MD5)');
    expect(describeFoundBy({ ...c, foundBy: 'origin_uri' })).toBe('Same post (origin URI)');
    expect(describeFoundBy({ ...c, foundBy: 'media_url' })).toBe('Same file URL');
    expect(describeFoundBy({ foundBy: 'pdq', distance: 12, variant: 'rot90' })).toBe('Looks the same (PDQ, distance 12, rotated 90°)');
    expect(describeFoundBy({ foundBy: 'pdq', distance: 0, variant: 'original' })).toBe('Looks the same (PDQ, distance 0)');
  });

  it('says what each lookup answered, with the reason where it could not check', () => {
    expect(describeLookup({ status: 'running', found: 0, detail: null }).text).toBe('Searching…');
    expect(describeLookup({ status: 'found', found: 2, detail: null }).text).toBe('2 found');
    expect(describeLookup({ status: 'none', found: 0, detail: null }).text).toBe('None found');
    expect(describeLookup({ status: 'cannot_check', found: 0, detail: 'search needs resolve' })).toEqual({ text: 'Cannot check without fetching', tone: 'neutral', detail: 'search needs resolve' });
    expect(describeLookup({ status: 'error', found: 0, detail: 'HTTP 500' })).toMatchObject({ text: 'Error', detail: 'HTTP 500' });
    expect(isSearching([{ status: 'none' }, { status: 'queued' }])).toBe(true);
    expect(isSearching([{ status: 'none' }, { status: 'error' }])).toBe(false);
  });

  it('labels a grouped queue row', () => {
    expect(caseBadgeText({ number: 12, label: 'csam' })).toBe('Case 12 · csam');
    expect(groupText({ reports: 3, instances: 3 })).toBe('3 reports on 3 instances');
    expect(groupText({ reports: 2, instances: 1 })).toBe('2 reports on 1 instance');
    expect(groupText({ reports: 1, instances: 1 })).toBeNull();
  });
});
