/** The case page's wording for how a copy was found and what a lookup answered (pure). */
import { describe, expect, it } from 'vitest';
import { describeFoundBy, describeLookup, isSearching } from '@/components/cases/case-text';
import { groupText, caseBadgeText } from '@/components/cases/case-badge';
import { describeCaseEvent } from '@/components/cases/case-event-text';

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

  it('tells the timeline in sentences, naming instances, and survives details it does not expect', () => {
    const names = new Map([['i-1', 'Beta Town']]);
    const say = (action: string, details: Record<string, unknown>) => describeCaseEvent({ action, details }, names);
    expect(say('case.opened', { via: 'auto', label: 'csam', severity: 5 })).toBe('Opened automatically on a bank match (csam, severity 5)');
    expect(say('case.copy_found', { instanceId: 'i-1', foundBy: 'origin_uri', foundVia: 'remote' })).toBe('Copy found on Beta Town: same post, by a lookup on the instance');
    expect(say('case.copy_found', { instanceId: 'gone', foundBy: 'sha256', foundVia: 'local' })).toBe('Copy found on an instance: same file (SHA-256), in our store');
    expect(say('case.lookup_finished', { instanceId: 'i-1', status: 'found', found: 2 })).toBe('Lookup on Beta Town: 2 found');
    expect(say('case.lookup_finished', { instanceId: 'i-1', status: 'cannot_check', found: 0 })).toBe('Lookup on Beta Town: cannot check without fetching');
    expect(say('case.lookup_requested', { instances: 1 })).toBe('Asked 1 instance for copies');
    expect(say('case.resolved', { resolveReports: true, actionIds: ['a', 'b'] })).toBe('Resolved; 2 linked reports sent to be resolved on their servers');
    expect(say('case.state_changed', { from: 'closed', to: 'open', reason: 'new copy' })).toBe('closed → open: new copy');
    expect(say('case.opened', { via: 42, severity: 'x' })).toBe('Opened');
    expect(say('case.something_new', {})).toBe('case.something_new');
  });
});
