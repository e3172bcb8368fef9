import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeNcmec, type FakeNcmec } from './server';

// Synthetic credentials, made up for this test only.
const USER = 'esp-test-user';
const PASS = 'not-a-real-password-7f3a';
let fake: FakeNcmec;
let api: string;

beforeEach(async () => {
  fake = await startFakeNcmec({ username: USER, password: PASS });
  api = `${fake.url}/ispws`;
});
afterEach(() => fake.close());

const basic = (u = USER, p = PASS) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

const postXml = (path: string, body: string) =>
  fetch(`${api}${path}`, { method: 'POST', headers: { ...basic(), 'content-type': 'text/xml; charset=utf-8' }, body }).then((r) => r.text());
const postForm = (path: string, id: string) =>
  fetch(`${api}${path}`, { method: 'POST', headers: basic(), body: new URLSearchParams({ id }) }).then((r) => r.text());
async function uploadFile(id: string, bytes: Buffer, name = 'evidence.png'): Promise<string> {
  const form = new FormData();
  form.set('id', id);
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return (await fetch(`${api}/upload`, { method: 'POST', headers: basic(), body: form })).text();
}

const SUMMARY = '<incidentSummary><incidentType>Child Pornography (possession, manufacture, and distribution)</incidentType><incidentDateTime>2026-11-30T12:00:00Z</incidentDateTime></incidentSummary>';
const DETAILS = '<internetDetails><webPageIncident><url>https://a.example/@x/1</url><url>https://b.example/notes/2</url></webPageIncident></internetDetails>';
const REPORTER = '<reporter><reportingPerson><firstName>Test</firstName><email>safety@collective.example</email></reportingPerson></reporter>';
const USER_REPORTED = '<personOrUserReported><espService>mastodon</espService><screenName>x@a.example</screenName><profileUrl>https://a.example/@x</profileUrl></personOrUserReported>';
const report = (inner = `${SUMMARY}${DETAILS}${REPORTER}${USER_REPORTED}<additionalInfo>Synthetic case</additionalInfo>`) =>
  `<?xml version="1.0" encoding="UTF-8"?><report>${inner}</report>`;
const fileDetails = (reportId: string, fileId: string, md5: string, extra = '') =>
  `<fileDetails><reportId>${reportId}</reportId><fileId>${fileId}</fileId><originalFileName>a.png</originalFileName><locationOfFile>https://a.example/m/a.png</locationOfFile><fileViewedByEsp>true</fileViewedByEsp><publiclyAvailable>true</publiclyAvailable><originalFileHash hashType="MD5">${md5}</originalFileHash>${extra}</fileDetails>`;

async function submitted(): Promise<string> {
  const reply = await postXml('/submit', report());
  expect(tag(reply, 'responseCode')).toBe('0');
  return tag(reply, 'reportId') ?? '';
}

describe('fake CyberTipline: auth', () => {
  it('answers 401 without or with wrong credentials on every endpoint, and /status with them', async () => {
    for (const path of ['/status', '/xsd']) {
      expect((await fetch(`${api}${path}`)).status).toBe(401);
      expect((await fetch(`${api}${path}`, { headers: basic(USER, 'wrong') })).status).toBe(401);
    }
    const denied = await fetch(`${api}/submit`, { method: 'POST', headers: basic('other', PASS), body: report() });
    expect(denied.status).toBe(401);
    expect(await denied.text()).not.toContain(PASS);
    const ok = await (await fetch(`${api}/status`, { headers: basic() })).text();
    expect(tag(ok, 'responseCode')).toBe('0');
    expect(await (await fetch(`${api}/xsd`, { headers: basic() })).text()).toContain('xs:schema');
    expect(fake.state.reports.size).toBe(0);
  });
});

describe('fake CyberTipline: a full valid flow', () => {
  it('submits, uploads with MD5, takes file info with both hashes, and finishes', async () => {
    const id = await submitted();
    expect(Number(id)).toBeGreaterThan(0);
    const bytes = Buffer.from('synthetic image bytes');
    const md5 = createHash('md5').update(bytes).digest('hex');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const up = await uploadFile(id, bytes);
    expect(tag(up, 'responseCode')).toBe('0');
    expect(tag(up, 'hash')).toBe(md5);
    const fileId = tag(up, 'fileId') ?? '';
    const info = await postXml('/fileinfo', fileDetails(id, fileId, md5, `<originalFileHash hashType="SHA256">${sha}</originalFileHash>`));
    expect(tag(info, 'responseCode')).toBe('0');
    const done = await postForm('/finish', id);
    expect(done).toContain('<reportDoneResponse>');
    expect(tag(done, 'responseCode')).toBe('0');
    expect(tag(done, 'fileId')).toBe(fileId);
    const { reports } = await (await fetch(`${fake.url}/__fake/reports`)).json();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ reportId: Number(id), state: 'finished', files: [{ fileId, name: 'evidence.png', md5, sha256: sha }] });
    expect(reports[0].fileinfos).toHaveLength(1);
    expect(reports[0].xml).toContain('https://b.example/notes/2');
  });
});

describe('fake CyberTipline: rejections answer HTTP 200 with a nonzero responseCode', () => {
  const rejected = async (xml: string, expected: RegExp) => {
    const res = await fetch(`${api}/submit`, { method: 'POST', headers: { ...basic(), 'content-type': 'text/xml' }, body: xml });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(Number(tag(body, 'responseCode'))).not.toBe(0);
    expect(tag(body, 'responseDescription')).toMatch(expected);
    expect(tag(body, 'reportId')).toBeUndefined();
  };

  it('rejects a missing incidentType', () =>
    rejected(report(`<incidentSummary><incidentDateTime>2026-11-30T12:00:00Z</incidentDateTime></incidentSummary>${REPORTER}`), /incidentType/));
  it('rejects an incidentType outside the enumeration', () =>
    rejected(report(SUMMARY.replace('Child Pornography (possession, manufacture, and distribution)', 'CSAM') + REPORTER), /incidentType/));
  it('rejects a bad incidentDateTime', () => rejected(report(SUMMARY.replace('2026-11-30T12:00:00Z', 'yesterday') + REPORTER), /dateTime/));
  it('rejects misordered elements', () => rejected(report(`${REPORTER}${SUMMARY}`), /out of order/));
  it('rejects misordered children', () =>
    rejected(report(`<incidentSummary><incidentDateTime>2026-11-30T12:00:00Z</incidentDateTime><incidentType>Child Sex Trafficking</incidentType></incidentSummary>${REPORTER}`), /out of order/));
  it('rejects an unknown element', () => rejected(report(`${SUMMARY}${REPORTER}<severity>high</severity>`), /severity/));
  it('rejects a reporter without an email', () =>
    rejected(report(`${SUMMARY}<reporter><reportingPerson><firstName>T</firstName></reportingPerson></reporter>`), /email/));
  it('rejects a DOCTYPE (no entity expansion)', () =>
    rejected(`<!DOCTYPE report [<!ENTITY x "y">]><report>${SUMMARY}${REPORTER}</report>`, /DTD/));
  it('rejects a wrong root', () => rejected(`<fileDetails>${SUMMARY}</fileDetails>`, /root/));

  it('rejects fileinfo with misordered elements, a bad hashType or a file of another report', async () => {
    const a = await submitted();
    const b = await submitted();
    const fileId = tag(await uploadFile(a, Buffer.from('x')), 'fileId') ?? '';
    const misordered = `<fileDetails><fileId>${fileId}</fileId><reportId>${a}</reportId></fileDetails>`;
    expect(tag(await postXml('/fileinfo', misordered), 'responseDescription')).toMatch(/out of order/);
    const badHash = fileDetails(a, fileId, 'abc').replace('hashType="MD5"', 'hashType="sha-256"');
    expect(tag(await postXml('/fileinfo', badHash), 'responseDescription')).toMatch(/hashType/);
    expect(tag(await postXml('/fileinfo', fileDetails(b, fileId, 'abc')), 'responseDescription')).toMatch(/does not belong/);
    expect(fake.state.reports.get(Number(a))?.fileinfos).toHaveLength(0);
  });

  it('refuses upload, fileinfo, retract and a second finish after finish', async () => {
    const id = await submitted();
    const fileId = tag(await uploadFile(id, Buffer.from('x')), 'fileId') ?? '';
    expect(tag(await postForm('/finish', id), 'responseCode')).toBe('0');
    expect(tag(await uploadFile(id, Buffer.from('y')), 'responseCode')).not.toBe('0');
    expect(tag(await postXml('/fileinfo', fileDetails(id, fileId, 'abc')), 'responseCode')).not.toBe('0');
    const retracted = await postForm('/retract', id);
    expect(tag(retracted, 'responseCode')).not.toBe('0');
    expect(tag(retracted, 'responseDescription')).toMatch(/finished/);
    expect(tag(await postForm('/finish', id), 'responseCode')).not.toBe('0');
    expect(fake.state.reports.get(Number(id))).toMatchObject({ state: 'finished', files: [{ fileId }] });
  });

  it('retracts an unfinished report, which then cannot be finished', async () => {
    const id = await submitted();
    expect(tag(await postForm('/retract', id), 'responseCode')).toBe('0');
    expect(tag(await postForm('/finish', id), 'responseCode')).not.toBe('0');
    expect(fake.state.reports.get(Number(id))?.state).toBe('retracted');
    expect(tag(await postForm('/retract', '999999999'), 'responseCode')).not.toBe('0');
  });
});

describe('fake CyberTipline: control routes', () => {
  it('fail-next fails exactly the next call to one endpoint, and calls counts every request', async () => {
    const armed = await fetch(`${fake.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ endpoint: 'submit', code: 5001, description: 'Try later' }) });
    expect(armed.status).toBe(200);
    const first = await postXml('/submit', report());
    expect(tag(first, 'responseCode')).toBe('5001');
    expect(tag(first, 'responseDescription')).toBe('Try later');
    expect(fake.state.reports.size).toBe(0);
    await submitted();
    const { calls } = await (await fetch(`${fake.url}/__fake/calls`)).json();
    expect(calls.filter((c: { path: string }) => c.path === '/ispws/submit')).toHaveLength(2);
    await fetch(`${fake.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ endpoint: 'finish', code: 7, description: 'Busy' }) });
    const done = await postForm('/finish', String([...fake.state.reports.keys()][0]));
    expect(done).toContain('<reportDoneResponse>');
    expect(tag(done, 'responseCode')).toBe('7');
  });

  it('rejects a zero code or unknown endpoint in fail-next, and reset clears everything', async () => {
    const bad = await fetch(`${fake.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ endpoint: 'submit', code: 0 }) });
    expect(bad.status).toBe(400);
    expect((await fetch(`${fake.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ endpoint: 'nope' }) })).status).toBe(400);
    await submitted();
    await fetch(`${fake.url}/__fake/reset`, { method: 'POST' });
    expect((await (await fetch(`${fake.url}/__fake/reports`)).json()).reports).toEqual([]);
    expect((await (await fetch(`${fake.url}/__fake/calls`)).json()).calls).toEqual([]);
  });
});

describe('fake CyberTipline: client variants', () => {
  it('takes the finish/retract id as multipart too (civitai sends FormData)', async () => {
    const id = await submitted();
    const form = new FormData();
    form.set('id', id);
    const done = await (await fetch(`${api}/retract`, { method: 'POST', headers: basic(), body: form })).text();
    expect(tag(done, 'responseCode')).toBe('0');
    expect(fake.state.reports.get(Number(id))?.state).toBe('retracted');
  });

  it('can answer failures with a 4xx status and the same XML body', async () => {
    fake.state.errorStatus = 400;
    const res = await fetch(`${api}/submit`, { method: 'POST', headers: { ...basic(), 'content-type': 'text/xml' }, body: report(REPORTER) });
    expect(res.status).toBe(400);
    expect(Number(tag(await res.text(), 'responseCode'))).toBeGreaterThan(0);
    expect((await fetch(`${api}/status`, { headers: basic() })).status).toBe(200);
  });
});

describe('fake CyberTipline: schema order of rich documents', () => {
  it('accepts a report and file details with many optional elements in ncmec-go order', async () => {
    const person = '<personOrUserReported><personOrUserReportedPerson><firstName>A</firstName><email type="Work">a@x.example</email><address type="Home"><city>C</city><country>US</country></address><age>30</age></personOrUserReportedPerson>'
      + '<espIdentifier>42</espIdentifier><espService>misskey</espService><compromisedAccount>false</compromisedAccount><screenName>a</screenName><displayName>A</displayName><displayName>B</displayName>'
      + '<profileUrl>https://a.example/@a</profileUrl><profileBio>bio</profileBio><priorCTReports>1</priorCTReports><additionalInfo>x</additionalInfo></personOrUserReported>';
    const summary = '<incidentSummary><incidentType>Child Sex Trafficking</incidentType><platform>Fediverse</platform><incidentDateTime>2026-11-30T12:00:00.123456789+01:00</incidentDateTime><incidentDateTimeDescription>first seen</incidentDateTimeDescription></incidentSummary>';
    const reporter = '<reporter><reportingPerson><firstName>T</firstName><lastName>S</lastName><phone type="Work">555</phone><email>s@collective.example</email></reportingPerson><companyTemplate>t</companyTemplate><legalURL>https://collective.example/legal</legalURL></reporter>';
    const reply = await postXml('/submit', report(`${summary}${DETAILS}<internetDetails><emailIncident><content>c</content></emailIncident></internetDetails>${reporter}${person}<additionalInfo>case</additionalInfo>`));
    expect(tag(reply, 'responseDescription')).toBe('');
    const id = tag(reply, 'reportId') ?? '';
    const fileId = tag(await uploadFile(id, Buffer.from('z')), 'fileId') ?? '';
    const rich = `<fileDetails><reportId>${id}</reportId><fileId>${fileId}</fileId><fileName>z.png</fileName><originalFileName>z.png</originalFileName><uploadedToEspTimestamp>2026-11-30T12:00:00Z</uploadedToEspTimestamp>`
      + '<locationOfFile>https://a.example/z.png</locationOfFile><fileViewedByEsp>true</fileViewedByEsp><exifViewedByEsp>false</exifViewedByEsp><publiclyAvailable>true</publiclyAvailable><fileRelevance>Reported</fileRelevance>'
      + '<originalFileHash hashType="MD5">d41d8cd98f00b204e9800998ecf8427e</originalFileHash><originalFileHash hashType="SHA256">e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855</originalFileHash>'
      + '<additionalInfo>A</additionalInfo><additionalInfo>B</additionalInfo></fileDetails>';
    expect(tag(await postXml('/fileinfo', rich), 'responseCode')).toBe('0');
    // internetDetails is an xs:choice: two incident kinds in one element are refused.
    const two = report(`${SUMMARY}<internetDetails><webPageIncident><url>u</url></webPageIncident><emailIncident/></internetDetails>${REPORTER}`);
    expect(tag(await postXml('/submit', two), 'responseDescription')).toMatch(/exactly one/);
  });
});
