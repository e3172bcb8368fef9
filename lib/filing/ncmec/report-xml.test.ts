import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { CSAM_INCIDENT_TYPE, NCMEC_INCIDENT_TYPES } from './incident-types';
import { buildReportXml, type NcmecReportInput } from './report-xml';
import { outline, topLevel } from './test-xml';
import { xmlSafe } from './xml-text';

const base: NcmecReportInput = {
  incidentType: CSAM_INCIDENT_TYPE,
  incidentDateTime: new Date('2026-11-30T10:00:00Z'),
  urls: ['https://a.example/@x/1', 'https://b.example/notes/2'],
  reporter: { firstName: 'Ada', lastName: 'Example', email: 'safety@collective.example', companyTemplate: 'Synthetic Collective' },
  reported: { espService: 'mastodon', screenName: 'x@a.example', profileUrls: ['https://a.example/@x'] },
  additionalInfo: 'Case 42: two copies.',
};

describe('buildReportXml', () => {
  it('writes every element in the XSD order', () => {
    expect(outline(buildReportXml(base))).toEqual([
      'report',
      'report/incidentSummary',
      `report/incidentSummary/incidentType=${CSAM_INCIDENT_TYPE}`,
      'report/incidentSummary/incidentDateTime=2026-11-30T10:00:00.000Z',
      'report/internetDetails',
      'report/internetDetails/webPageIncident',
      'report/internetDetails/webPageIncident/url=https://a.example/@x/1',
      'report/internetDetails/webPageIncident/url=https://b.example/notes/2',
      'report/reporter',
      'report/reporter/reportingPerson',
      'report/reporter/reportingPerson/firstName=Ada',
      'report/reporter/reportingPerson/lastName=Example',
      'report/reporter/reportingPerson/email=safety@collective.example',
      'report/reporter/companyTemplate=Synthetic Collective',
      'report/personOrUserReported',
      'report/personOrUserReported/espService=mastodon',
      'report/personOrUserReported/screenName=x@a.example',
      'report/personOrUserReported/profileUrl=https://a.example/@x',
      'report/additionalInfo=Case 42: two copies.',
    ]);
  });

  it('starts with an XML declaration and leaves optional parts out instead of sending them empty', () => {
    const xml = buildReportXml({ ...base, reported: undefined, additionalInfo: undefined, reporter: { firstName: 'A', lastName: 'B', email: 'c@d.example' } });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><report>')).toBe(true);
    expect(topLevel(xml)).toEqual(['incidentSummary', 'internetDetails', 'reporter']);
  });

  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    const xml = buildReportXml({ ...base, additionalInfo: `a<b>&"c'\u0000\u0007d\r\n\t\uD800e` });
    expect(xml).toContain('<additionalInfo>a&lt;b&gt;&amp;&quot;c&apos;d&#13;\n\te</additionalInfo>');
    expect(outline(xml).at(-1)).toBe(`report/additionalInfo=a<b>&"c'd\r\n\te`);
  });

  it('refuses an unknown incidentType, no URL, or a required value made only of dropped characters', () => {
    const bad: unknown[] = [
      { ...base, incidentType: 'CSAM' },
      { ...base, urls: [] },
      { ...base, reporter: { ...base.reporter, firstName: '\u0000\u0001' } },
    ];
    for (const input of bad) {
      let err: unknown;
      try {
        // @ts-expect-error deliberately wrong input
        buildReportXml(input);
      } catch (e) {
        err = e;
      }
      expect(isAppError(err) && err.code).toBe('bad_request');
    }
  });

  // Any text, including controls, lone surrogates and markup characters, for every free-text field.
  const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => xmlSafe(s).length > 0);

  it('property: well-formed, text round-trips minus dropped characters, order always the schema order', () => {
    fc.assert(
      fc.property(
        fc.record({
          incidentType: fc.constantFrom(...NCMEC_INCIDENT_TYPES),
          ms: fc.integer({ min: 0, max: 4_102_444_800_000 }),
          urls: fc.array(anyText, { minLength: 1, maxLength: 4 }),
          first: anyText, last: anyText, email: anyText,
          template: fc.option(anyText, { nil: undefined }),
          service: fc.option(anyText, { nil: undefined }),
          screen: fc.option(anyText, { nil: undefined }),
          profiles: fc.array(anyText, { maxLength: 3 }),
          info: fc.option(anyText, { nil: undefined }),
        }),
        (g) => {
          const xml = buildReportXml({
            incidentType: g.incidentType, incidentDateTime: new Date(g.ms), urls: g.urls,
            reporter: { firstName: g.first, lastName: g.last, email: g.email, companyTemplate: g.template },
            reported: { espService: g.service, screenName: g.screen, profileUrls: g.profiles },
            additionalInfo: g.info,
          });
          const opt = (path: string, v: string | undefined) => (v === undefined ? [] : [`${path}=${xmlSafe(v)}`]);
          const hasReported = g.service !== undefined || g.screen !== undefined || g.profiles.length > 0;
          expect(outline(xml)).toEqual([
            'report', 'report/incidentSummary',
            `report/incidentSummary/incidentType=${g.incidentType}`,
            `report/incidentSummary/incidentDateTime=${new Date(g.ms).toISOString()}`,
            'report/internetDetails', 'report/internetDetails/webPageIncident',
            ...g.urls.map((u) => `report/internetDetails/webPageIncident/url=${xmlSafe(u)}`),
            'report/reporter', 'report/reporter/reportingPerson',
            `report/reporter/reportingPerson/firstName=${xmlSafe(g.first)}`,
            `report/reporter/reportingPerson/lastName=${xmlSafe(g.last)}`,
            `report/reporter/reportingPerson/email=${xmlSafe(g.email)}`,
            ...opt('report/reporter/companyTemplate', g.template),
            ...(hasReported ? ['report/personOrUserReported'] : []),
            ...opt('report/personOrUserReported/espService', g.service),
            ...opt('report/personOrUserReported/screenName', g.screen),
            ...g.profiles.map((p) => `report/personOrUserReported/profileUrl=${xmlSafe(p)}`),
            ...opt('report/additionalInfo', g.info),
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
