/**
 * The report lifecycle of §9: submit opens a report, upload and fileinfo add to an OPEN one, finish closes it,
 * retract cancels an unfinished one. "Open" = submitted and neither finished nor retracted.
 */
import { createHash } from 'node:crypto';
import { checkFileDetails, checkReport } from './check-report';
import { CODES, failure, reportDoneFailure, reportDoneResponse, reportResponse, type XmlReply } from './reply';
import type { FakeNcmecState, FakeReport } from './state';
import { childText } from './xml';

const now = () => new Date().toISOString();

type Lookup = { report: FakeReport } | { code: number; description: string; reportId?: number };

function openReport(state: FakeNcmecState, rawId: unknown): Lookup {
  const id = typeof rawId === 'string' && /^\d+$/.test(rawId.trim()) ? Number(rawId) : NaN;
  const report = state.reports.get(id);
  if (!report) return { code: CODES.unknownReport, description: `Report ${String(rawId ?? '')} does not exist` };
  if (report.state !== 'submitted') {
    return { code: CODES.reportClosed, description: `Report ${id} is ${report.state} and cannot be changed`, reportId: id };
  }
  return { report };
}

export function submit(state: FakeNcmecState, xml: string): XmlReply {
  const checked = checkReport(xml);
  if (!checked.ok) return failure(CODES.invalidXml, checked.description);
  const at = now();
  const report: FakeReport = { reportId: state.newReportId(), xml, state: 'submitted', files: [], fileinfos: [], submittedAt: at, updatedAt: at };
  state.reports.set(report.reportId, report);
  return reportResponse({ code: CODES.ok, reportId: report.reportId });
}

export function upload(state: FakeNcmecState, id: unknown, file: { name: string; bytes: Buffer } | null): XmlReply {
  const found = openReport(state, id);
  if (!('report' in found)) return failure(found.code, found.description);
  if (!file) return failure(CODES.badRequest, 'A file part named "file" is required');
  const md5 = createHash('md5').update(file.bytes).digest('hex');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const entry = { fileId: state.newFileId(), name: file.name, size: file.bytes.length, md5, sha256, uploadedAt: now() };
  found.report.files.push(entry);
  found.report.updatedAt = entry.uploadedAt;
  return reportResponse({ code: CODES.ok, reportId: found.report.reportId, fileId: entry.fileId, hash: md5 });
}

export function fileinfo(state: FakeNcmecState, xml: string): XmlReply {
  const checked = checkFileDetails(xml);
  if (!checked.ok) return failure(CODES.invalidXml, checked.description);
  const found = openReport(state, childText(checked.root, 'reportId'));
  if (!('report' in found)) return failure(found.code, found.description);
  const fileId = childText(checked.root, 'fileId') ?? '';
  if (!found.report.files.some((f) => f.fileId === fileId)) {
    return failure(CODES.unknownFile, `File ${fileId} does not belong to report ${found.report.reportId}`);
  }
  const at = now();
  found.report.fileinfos.push({ fileId, xml, at });
  found.report.updatedAt = at;
  return reportResponse({ code: CODES.ok, reportId: found.report.reportId });
}

export function finish(state: FakeNcmecState, id: unknown): XmlReply {
  const found = openReport(state, id);
  if (!('report' in found)) return reportDoneFailure(found.code, found.description, found.reportId);
  found.report.state = 'finished';
  found.report.finishedAt = found.report.updatedAt = now();
  return reportDoneResponse(found.report);
}

export function retract(state: FakeNcmecState, id: unknown): XmlReply {
  const found = openReport(state, id);
  if (!('report' in found)) return failure(found.code, found.description);
  found.report.state = 'retracted';
  found.report.retractedAt = found.report.updatedAt = now();
  return reportResponse({ code: CODES.ok, reportId: found.report.reportId });
}
