import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report';
import { parseXml, XmlSyntaxError } from './xml';

describe('fake CyberTipline XML reader', () => {
  it('keeps children in order, decodes entities, CDATA and attributes, and skips prolog and comments', () => {
    const root = parseXml(`<?xml version="1.0"?><!-- c --><a x='1' y="&amp;"><b>1 &lt; 2 &#65;&#x42;</b><c/><b><![CDATA[<raw>]]></b></a>`);
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c', 'b']);
    expect(root.attrs).toEqual({ x: '1', y: '&' });
    expect(root.children[0].text).toBe('1 < 2 AB');
    expect(root.children[2].text).toBe('<raw>');
  });

  it.each([
    ['<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>', /DTD/],
    ['<a>&xxe;</a>', /entity/],
    ['<a>fish & chips</a>', /unescaped/],
    ['<a><b></a>', /unexpected/],
    ['<a>', /unclosed/],
    ['<a/><b/>', /more than one root/],
    ['text', /text outside/],
    ['', /no root/],
  ])('rejects %s', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(xml)).toThrow(message);
  });
});

describe('fake CyberTipline order check', () => {
  const parts = {
    incidentSummary: '<incidentSummary><incidentType>Child Sex Tourism</incidentType><incidentDateTime>2026-01-01T00:00:00Z</incidentDateTime></incidentSummary>',
    internetDetails: '<internetDetails><webPageIncident><url>https://a.example/1</url></webPageIncident></internetDetails>',
    reporter: '<reporter><reportingPerson><email>r@collective.example</email></reportingPerson></reporter>',
    personOrUserReported: '<personOrUserReported><screenName>x</screenName></personOrUserReported>',
    additionalInfo: '<additionalInfo>x</additionalInfo>',
  };
  const order = Object.keys(parts);

  it('accepts the schema order and rejects every other order of the same elements', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(order, { minLength: order.length, maxLength: order.length }), (names) => {
        const xml = `<report>${names.map((n) => parts[n as keyof typeof parts]).join('')}</report>`;
        const inOrder = names.every((n, i) => n === order[i]);
        const checked = checkReport(xml);
        expect(checked.ok).toBe(inOrder);
        if (!checked.ok) expect(checked.description).toMatch(/out of order/);
      }),
      { numRuns: 200 },
    );
  });
});
