import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { buildFileDetailsXml } from './file-details-xml';
import { outline } from './test-xml';
import { xmlSafe } from './xml-text';

const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('buildFileDetailsXml', () => {
  it('writes the XSD order with both hashes', () => {
    const xml = buildFileDetailsXml({
      reportId: '1234567', fileId: 'f-1', originalFileName: 'a&b.png', locationOfFile: 'https://a.example/media/1.png',
      fileViewedByEsp: true, publiclyAvailable: false, md5: md5.toUpperCase(), sha256,
    });
    expect(xml).toContain('<originalFileName>a&amp;b.png</originalFileName>');
    expect(outline(xml)).toEqual([
      'fileDetails',
      'fileDetails/reportId=1234567',
      'fileDetails/fileId=f-1',
      'fileDetails/originalFileName=a&b.png',
      'fileDetails/locationOfFile=https://a.example/media/1.png',
      'fileDetails/fileViewedByEsp=true',
      'fileDetails/publiclyAvailable=false',
      `fileDetails/originalFileHash[hashType=MD5]=${md5}`,
      `fileDetails/originalFileHash[hashType=SHA256]=${sha256}`,
    ]);
  });

  it('refuses a non-numeric report id or a malformed hash', () => {
    for (const bad of [{ reportId: 'x1' }, { md5: 'abc' }, { sha256: md5 }]) {
      let err: unknown;
      try {
        buildFileDetailsXml({ reportId: '1', fileId: 'f', fileViewedByEsp: true, publiclyAvailable: true, md5, sha256, ...bad });
      } catch (e) {
        err = e;
      }
      expect(isAppError(err) && err.code).toBe('bad_request');
    }
  });

  it('property: any file name and location round-trip minus dropped characters', () => {
    const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => xmlSafe(s).length > 0);
    fc.assert(
      fc.property(anyText, anyText, fc.boolean(), (name, loc, viewed) => {
        const lines = outline(buildFileDetailsXml({ reportId: '9', fileId: 'f', originalFileName: name, locationOfFile: loc, fileViewedByEsp: viewed, publiclyAvailable: true, md5, sha256 }));
        expect(lines.slice(3, 6)).toEqual([`fileDetails/originalFileName=${xmlSafe(name)}`, `fileDetails/locationOfFile=${xmlSafe(loc)}`, `fileDetails/fileViewedByEsp=${viewed}`]);
      }),
      { numRuns: 200 },
    );
  });
});
