/**
 * Step 2 (submitted → files_uploaded): one POST /upload per distinct file of the seal, each marked before it is
 * sent (a repeat would add the file twice to the report). The service's MD5 of what it received must be ours.
 */
import { db } from '@/lib/db';
import { failureWords, classifyFailure } from '../classify-failure';
import { readFilingFileBytes } from '../read-filing-files';
import { markFile, recordFiling, recordProblem } from '../record-filing';
import { LeaseLost, type FilingRow, type StepContext, type StepOutcome } from './step-context';

export const UNCERTAIN_UPLOAD = 'An upload may have reached CyberTipline without an answer: retrying uploads the file again, and the report may then hold it twice';

export async function uploadStep(ctx: StepContext): Promise<StepOutcome> {
  const { filing: f, token, now } = ctx;
  const reportId = f.reportId;
  if (!reportId) return recordProblem(f, token, 'failed', 'The filing has no CyberTipline report id', { step: 'upload' });
  for (const file of [...f.files].sort((a, b) => a.n - b.n)) {
    if (file.fileId) continue;
    const out = await uploadOne(ctx, reportId, file);
    if (out !== 'advanced') return out;
  }
  const files = await db.filingFile.findMany({ where: { filingId: f.id }, orderBy: { n: 'asc' }, select: { fileId: true, md5: true } });
  const wrote = await recordFiling(f, { state: 'submitted' }, { state: 'files_uploaded', filesUploadedAt: now(), attempts: 0, nextAttemptAt: null, lastError: null }, {
    action: 'filing.files_uploaded', details: { reportId, files: files.map((x) => ({ fileId: x.fileId, md5: x.md5 })) },
  });
  if (!wrote) throw new LeaseLost();
  return 'advanced';
}

type FileRow = FilingRow['files'][number];

async function uploadOne({ filing: f, token, client, now }: StepContext, reportId: string, file: FileRow): Promise<StepOutcome> {
  const step = { step: 'upload', file: file.n, fileName: file.fileName };
  if (file.uploadStartedAt) return recordProblem(f, token, 'uncertain', UNCERTAIN_UPLOAD, step);
  let bytes: Uint8Array;
  try {
    bytes = await readFilingFileBytes(file.evidenceId, file.n, file.sha256);
  } catch (e) {
    return recordProblem(f, token, 'failed', failureWords(e), step);
  }
  await markFile(f.id, token, file.id, { uploadStartedAt: now() });
  const clearMark = [{ id: file.id, data: { uploadStartedAt: null } }];
  let answer: { fileId: string; hash?: string };
  try {
    answer = await client.upload(reportId, file.fileName, bytes);
  } catch (e) {
    const c = classifyFailure(e);
    if (c.kind === 'rejected') return recordProblem(f, token, 'rejected', c.description, step, {}, clearMark);
    if (c.kind === 'maybe_applied') return recordProblem(f, token, 'uncertain', `${UNCERTAIN_UPLOAD}. (${c.text})`, step);
    await db.filingFile.updateMany({ where: { id: file.id }, data: { uploadStartedAt: null } });
    return { transient: c.text, retryAt: c.retryAt };
  }
  if (answer.hash && answer.hash !== file.md5.toLowerCase()) {
    return recordProblem(f, token, 'failed', `CyberTipline received different bytes for ${file.fileName} (MD5 ${answer.hash}, ours ${file.md5})`, step, {}, clearMark);
  }
  // A fact: stored even if another driver took over meanwhile (it would stop at this file's mark otherwise).
  await db.filingFile.updateMany({ where: { id: file.id, fileId: null }, data: { fileId: answer.fileId, uploadedAt: now(), uploadStartedAt: null } });
  await db.filing.updateMany({ where: { id: f.id, leaseToken: token }, data: { attempts: 0, lastError: null } });
  return 'advanced';
}
