import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { ADDITIONAL_INFO_MAX, buildReportInput, type FilingCaseSnapshot, type FilingReporterSettings } from './build-report-input';
import { CSAM_INCIDENT_TYPE } from './ncmec/incident-types';
import { childElements, parseXml, textOf, type XmlElement } from './ncmec/parse-xml';
import { buildReportXml } from './ncmec/report-xml';

const settings: FilingReporterSettings = {
  reporter: { firstName: 'Ada', lastName: 'Example', email: 'safety@collective.example', phone: '' },
  organization: { name: 'Synthetic Collective', companyTemplate: '', termsOfService: '', legalUrl: '' },
};

const snap: FilingCaseSnapshot = {
  number: 7,
  title: 'Known-bad pattern.',
  label: 'csam',
  severity: 5,
  createdAt: new Date('2026-12-01T10:00:00Z'),
  hashes: { sha256: 'a'.repeat(64), md5: 'b'.repeat(32), pdq: 'c'.repeat(64) },
  origin: { url: 'https://spreader.test/@s/1', acct: 's@spreader.test', accountUrl: 'https://spreader.test/@s', domain: 'spreader.test', serverKind: null },
  copies: [
    { instanceName: 'zeta', instanceId: 'i3', instanceUrl: 'https://z.test', postUrl: 'https://z.test/@s@spreader.test/9', mediaUrl: null, foundAt: new Date('2026-12-01T11:00:00Z') },
    { instanceName: 'alpha', instanceId: 'i1', instanceUrl: 'https://a.test', postUrl: null, mediaUrl: 'https://a.test/media/1.png', foundAt: new Date('2026-12-01T09:00:00Z') },
    { instanceName: 'beta', instanceId: 'i2', instanceUrl: 'https://b.test', postUrl: 'https://spreader.test/@s/1', mediaUrl: 'https://b.test/cache/1.png', foundAt: new Date('2026-12-01T12:00:00Z') },
    { instanceName: 'alpha', instanceId: 'i1', instanceUrl: 'https://a.test', postUrl: 'https://a.test/notes/2', mediaUrl: null, foundAt: new Date('2026-12-01T12:00:00Z') },
  ],
  reportCreatedAt: [new Date('2026-12-01T08:30:00Z')],
};

const child = (node: XmlElement, name: string) => childElements(node).filter((c) => c.name === name);

describe('buildReportInput', () => {
  it('lists the origin first, then where each instance serves its copy, by instance name, without duplicates', () => {
    // beta records the origin's post URL (a federated post): its own cached media URL is where the copy is.
    expect(buildReportInput(snap, settings).urls).toEqual([
      'https://spreader.test/@s/1', 'https://a.test/media/1.png', 'https://a.test/notes/2', 'https://b.test/cache/1.png', 'https://z.test/@s@spreader.test/9',
    ]);
    const remoteOnly = { ...snap, copies: [{ ...snap.copies[2], mediaUrl: 'https://cdn.example/1.png' }] };
    expect(buildReportInput(remoteOnly, settings).urls).toEqual(['https://spreader.test/@s/1']);
  });

  it('files CSAM, first seen at the earliest copy, report or case time', () => {
    const input = buildReportInput(snap, settings);
    expect(input.incidentType).toBe(CSAM_INCIDENT_TYPE);
    expect(input.incidentDateTime).toEqual(new Date('2026-12-01T08:30:00Z'));
  });

  it('summarizes the case in plain text and names the origin', () => {
    const input = buildReportInput(snap, settings);
    expect(input.additionalInfo).toBe(
      `Case 7: Known-bad pattern. Child sexual abuse material, severity 5 of 5. Found on 4 copies across 3 servers we moderate; origin spreader.test. SHA-256 ${'a'.repeat(64)}, MD5 ${'b'.repeat(32)}, PDQ ${'c'.repeat(64)}. Reported by fedimod (moderation dashboard) for Synthetic Collective.`,
    );
    expect(input.reported).toEqual({ espService: 'spreader.test', screenName: 's@spreader.test', profileUrls: ['https://spreader.test/@s'] });
    expect(buildReportInput({ ...snap, origin: { ...snap.origin, serverKind: 'mastodon' } }, settings).reported?.espService).toBe('Mastodon');
    expect(input.reporter).toMatchObject({ firstName: 'Ada', lastName: 'Example', phone: undefined, companyTemplate: undefined });
  });

  it('drops URLs that are not http(s) and refuses a case with none left', () => {
    const none = { ...snap, origin: { ...snap.origin, url: 'javascript:alert(1)' }, copies: [{ ...snap.copies[0], postUrl: 'not a url' }] };
    expect(() => buildReportInput(none, settings)).toThrow(expect.objectContaining({ code: 'bad_request', userMessage: 'The case has no post or media URL to report.' }));
  });

  it('caps the additional information', () => {
    const input = buildReportInput({ ...snap, title: '😀'.repeat(10_000), origin: { ...snap.origin, domain: 'x'.repeat(10_000) } }, settings);
    expect(input.additionalInfo!.length).toBeLessThanOrEqual(ADDITIONAL_INFO_MAX);
    expect(input.additionalInfo).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('for any case text, builds XML that reads back to the same values, or refuses with a clear AppError', { timeout: 60_000 }, () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\r', '\n', '\t', '<', '&', ']]>', '😀', '\uD800', '\uFFFE', 'a', ' ', '\u0085'), maxLength: 40 }),
      fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\u0000', '<', ' ', '\uD83D'), minLength: 4500, maxLength: 6000 }),
    );
    const url = fc.oneof(fc.webUrl(), text, fc.constant(null), text.map((t) => `https://x.test/${t}`));
    const copy = fc.record({ instanceName: text, instanceId: fc.constantFrom('i1', 'i2', 'i3'), instanceUrl: fc.oneof(fc.webUrl(), text), postUrl: url, mediaUrl: url, foundAt: fc.date({ noInvalidDate: true }) });
    const caseSnap = fc.record({
      number: fc.integer({ min: 1, max: 1e6 }), title: text, label: fc.option(text), severity: fc.integer({ min: 0, max: 5 }), createdAt: fc.date({ noInvalidDate: true }),
      hashes: fc.record({ sha256: fc.option(text), md5: fc.option(text), pdq: fc.option(text) }),
      origin: fc.record({ url, acct: fc.option(text), accountUrl: url, domain: fc.option(text), serverKind: fc.option(text) }),
      copies: fc.array(copy, { maxLength: 5 }), reportCreatedAt: fc.array(fc.date(), { maxLength: 3 }),
    });
    const people = fc.record({
      reporter: fc.record({ firstName: text, lastName: text, email: text, phone: text }),
      organization: fc.record({ name: text, companyTemplate: text, termsOfService: text, legalUrl: text }),
    });
    let built = 0;
    fc.assert(fc.property(caseSnap, people, (s, p) => {
      let xml: string;
      let input: ReturnType<typeof buildReportInput>;
      try {
        input = buildReportInput(s, p);
        xml = buildReportXml(input);
      } catch (e) {
        expect(isAppError(e) && e.code === 'bad_request' && e.userMessage.length > 0).toBe(true);
        return;
      }
      const root = parseXml(xml);
      expect(root.name).toBe('report');
      const urls = child(child(child(root, 'internetDetails')[0], 'webPageIncident')[0], 'url').map(textOf);
      expect(urls).toEqual(input.urls);
      expect(new Set(urls).size).toBe(urls.length);
      const info = child(root, 'additionalInfo').map(textOf);
      expect(info).toEqual([input.additionalInfo]);
      expect(info[0].length).toBeLessThanOrEqual(ADDITIONAL_INFO_MAX);
      const person = child(child(root, 'reporter')[0], 'reportingPerson')[0];
      expect(child(person, 'email').map(textOf)).toEqual([input.reporter.email]);
      built++;
    }), { numRuns: 300 });
    expect(built).toBeGreaterThan(30); // the success path is exercised, not only refusals
  });
});
