import { describe, expect, it } from 'vitest';
import { filingView, type FilingRow } from './filing-view';

const at = new Date('2026-12-02T06:00:00Z');
const row = (over: Partial<FilingRow> = {}): FilingRow => ({
  id: 'f1', caseId: 'c1', to: 'ncmec', state: 'pending', problem: null, lastError: null, environment: 'test', baseUrl: 'https://exttest.cybertip.org/ispws',
  evidenceId: 'e1', incidentType: 'Child Pornography (possession, manufacture, and distribution)', reportXml: '<report/>', reportSha256: 'a'.repeat(64),
  reportId: null, submitStartedAt: null, submittedAt: null, filesUploadedAt: null, fileInfoAt: null, finishedAt: null, retractedAt: null,
  attempts: 0, nextAttemptAt: null, leaseToken: null, leaseUntil: null, requestedById: null, requestedByLabel: 'admin@example.test',
  createdAt: at, updatedAt: at,
  files: [
    { id: 'b', filingId: 'f1', evidenceId: 'e1', n: 4, fileName: 'file.jpg', mime: 'image/jpeg', bytes: 2, sha256: 's2', md5: 'm2', locationUrl: null, fileId: null, uploadStartedAt: at, uploadedAt: null, fileInfoAt: null },
    { id: 'a', filingId: 'f1', evidenceId: 'e1', n: 3, fileName: 'file.png', mime: 'image/png', bytes: 1, sha256: 's1', md5: 'm1', locationUrl: 'https://a.test/1.png', fileId: '9', uploadStartedAt: null, uploadedAt: at, fileInfoAt: null },
  ],
  ...over,
});

describe('filingView', () => {
  it('shows files in sealed order, an unanswered upload as uncertain, and no credentials or XML', () => {
    const v = filingView(row());
    expect(v.files.map((f) => [f.fileName, f.uncertain])).toEqual([['file.png', false], ['file.jpg', true]]);
    expect(v.files[0]).toMatchObject({ fileId: '9', uploadedAt: at.toISOString() });
    expect(JSON.stringify(v)).not.toContain('<report/>');
    expect(v).toMatchObject({ requestedBy: 'admin@example.test', environment: 'test', steps: { submittedAt: null } });
  });

  it('offers retry after a failure or an uncertain step, and after a rejection past submit only', () => {
    expect(filingView(row({ problem: 'failed' })).can.retry).toBe(true);
    expect(filingView(row({ problem: 'uncertain' })).can.retry).toBe(true);
    expect(filingView(row({ problem: 'rejected' })).can.retry).toBe(false);
    expect(filingView(row({ problem: 'rejected', state: 'submitted', reportId: '7' })).can.retry).toBe(true);
    expect(filingView(row()).can.retry).toBe(false);
    expect(filingView(row({ problem: 'something new' })).problem).toBe('failed');
  });

  it('offers retract with a report id until it is finished or retracted', () => {
    expect(filingView(row()).can.retract).toBe(false);
    expect(filingView(row({ state: 'submitted', reportId: '7' })).can.retract).toBe(true);
    expect(filingView(row({ state: 'file_info_sent', reportId: '7' })).can.retract).toBe(true);
    expect(filingView(row({ state: 'finished', reportId: '7' })).can.retract).toBe(false);
    expect(filingView(row({ state: 'retracted', reportId: '7' })).can.retract).toBe(false);
  });
});
