import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseNcmecResponse } from './parse-response';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('parseNcmecResponse', () => {
  it('reads a successful upload answer', () => {
    const r = parseNcmecResponse(
      '<?xml version="1.0" encoding="UTF-8"?>\n<reportResponse>\n  <responseCode>0</responseCode>\n  <responseDescription>Success</responseDescription>\n  <reportId>4564654</reportId>\n  <fileId>abc-1</fileId>\n  <hash>D41D8CD98F00B204E9800998ECF8427E</hash>\n</reportResponse>',
    );
    expect(r).toEqual({ kind: 'reportResponse', responseCode: 0, responseDescription: 'Success', reportId: '4564654', fileId: 'abc-1', hash: 'd41d8cd98f00b204e9800998ecf8427e', fileIds: [] });
  });

  it('reads a done answer with its files', () => {
    const r = parseNcmecResponse('<reportDoneResponse><responseCode>0</responseCode><reportId>7</reportId><files><fileId>a</fileId><fileId>b</fileId></files></reportDoneResponse>');
    expect(r.kind).toBe('reportDoneResponse');
    expect(r.fileIds).toEqual(['a', 'b']);
  });

  it('turns a nonzero code into remote_error showing the description', () => {
    const e = errorOf(() => parseNcmecResponse('<reportResponse><responseCode>4100</responseCode><responseDescription>Element &lt;reporter&gt; is missing</responseDescription></reportResponse>', 'POST /submit'));
    expect(e.code).toBe('remote_error');
    expect(e.userMessage).toBe('CyberTipline: Element <reporter> is missing (code 4100)');
    expect(e.details?.responseCode).toBe(4100);
  });

  it('says so when a nonzero answer has no description, and strips control characters from one', () => {
    expect(errorOf(() => parseNcmecResponse('<reportResponse><responseCode>1</responseCode></reportResponse>')).userMessage).toBe('CyberTipline: no description (code 1)');
    expect(errorOf(() => parseNcmecResponse('<reportResponse><responseCode>2</responseCode><responseDescription>a&#9;\nb</responseDescription></reportResponse>')).userMessage).toBe('CyberTipline: a b (code 2)');
  });

  it.each([
    ['not XML', 'Internal Server Error'],
    ['unclosed', '<reportResponse><responseCode>0</responseCode>'],
    ['mismatched', '<reportResponse><responseCode>0</reportResponse></responseCode>'],
    ['unknown entity', '<reportResponse><responseCode>0&foo;</responseCode></reportResponse>'],
    ['doctype', '<!DOCTYPE x [<!ENTITY a "b">]><reportResponse><responseCode>0</responseCode></reportResponse>'],
    ['trailing', '<reportResponse><responseCode>0</responseCode></reportResponse><x/>'],
  ])('malformed XML (%s) is a clear remote_error', (_name, body) => {
    const e = errorOf(() => parseNcmecResponse(body));
    expect(e.code).toBe('remote_error');
    expect(e.userMessage).toBe('CyberTipline sent an answer that is not valid XML.');
  });

  it('refuses a well-formed answer of the wrong shape', () => {
    expect(errorOf(() => parseNcmecResponse('<html><body>hi</body></html>')).userMessage).toBe('CyberTipline sent an answer in an unexpected format.');
    expect(errorOf(() => parseNcmecResponse('<reportResponse><responseCode>zero</responseCode></reportResponse>')).userMessage).toBe('CyberTipline sent an answer in an unexpected format.');
    expect(errorOf(() => parseNcmecResponse('<reportResponse><responseCode>0</responseCode><reportId>12a</reportId></reportResponse>')).code).toBe('remote_error');
  });

  it('a hostile answer (very deep nesting) is a remote_error, not a crash', () => {
    const deep = `${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}`;
    expect(errorOf(() => parseNcmecResponse(deep)).code).toBe('remote_error');
  });

  it('property: any text either parses or is a remote_error, never another exception', () => {
    const piece = fc.constantFrom('<reportResponse>', '</reportResponse>', '<responseCode>', '</responseCode>', '0', '7', '&amp;', '&', '<', '>', '<!--', '-->', '<?x?>', ' ', 'a');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(piece).map((p) => p.join(''))), (body) => {
        try {
          parseNcmecResponse(body);
        } catch (e) {
          expect(e instanceof AppError && e.code).toBe('remote_error');
        }
      }),
      { numRuns: 500 },
    );
  });
});
