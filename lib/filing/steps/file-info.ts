/**
 * Step 3 (files_uploaded → file_info_sent): POST /fileinfo per file with both hashes. Sending the same details
 * twice only repeats them, so no mark is needed and a failure that may have landed is simply tried again.
 */
import { db } from '@/lib/db';
import { buildFileDetailsXml } from '../ncmec/file-details-xml';
import { classifyFailure } from '../classify-failure';
import { recordFiling, recordProblem } from '../record-filing';
import { LeaseLost, type StepContext, type StepOutcome } from './step-context';

export async function fileInfoStep({ filing: f, token, client, now }: StepContext): Promise<StepOutcome> {
  const reportId = f.reportId;
  if (!reportId) return recordProblem(f, token, 'failed', 'The filing has no CyberTipline report id', { step: 'file_info' });
  for (const file of [...f.files].sort((a, b) => a.n - b.n)) {
    if (file.fileInfoAt) continue;
    if (!file.fileId) return recordProblem(f, token, 'failed', `${file.fileName} has no CyberTipline file id`, { step: 'file_info', file: file.n });
    const xml = buildFileDetailsXml({
      reportId, fileId: file.fileId, originalFileName: file.fileName, locationOfFile: file.locationUrl ?? undefined,
      fileViewedByEsp: true, publiclyAvailable: true, md5: file.md5, sha256: file.sha256,
    });
    try {
      await client.fileInfo(xml);
    } catch (e) {
      const c = classifyFailure(e);
      if (c.kind === 'rejected') return recordProblem(f, token, 'rejected', c.description, { step: 'file_info', file: file.n });
      return { transient: c.text, retryAt: c.kind === 'transient' ? c.retryAt : null };
    }
    await db.filingFile.updateMany({ where: { id: file.id }, data: { fileInfoAt: now() } });
  }
  const wrote = await recordFiling(f, { state: 'files_uploaded' }, { state: 'file_info_sent', fileInfoAt: now(), attempts: 0, nextAttemptAt: null, lastError: null }, {
    action: 'filing.file_info_sent', details: { reportId, files: f.files.length },
  });
  if (!wrote) throw new LeaseLost();
  return 'advanced';
}
