/**
 * Reads CyberTipline answers: `<reportResponse>` (status, submit, upload, fileinfo, retract) and
 * `<reportDoneResponse>` (finish). Element names from the ReportResponse / ReportDoneResponse structs of
 * Boostport/ncmec-go cybertipline/types.go: responseCode, responseDescription, reportId, fileId, hash; the done
 * answer lists the accepted files as `files/fileId`. A nonzero responseCode is an error whose description the
 * user sees (the ISPWS documentation: 0 is success, anything else an error code).
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { clean } from '@/lib/connectors/shared/remote-text';
import { childElements, parseXml, textOf, XmlSyntaxError, type XmlElement } from './parse-xml';

const digits = z.string().regex(/^\d+$/);

const responseSchema = z.object({
  responseCode: z.string().regex(/^-?\d+$/).transform(Number),
  responseDescription: z.string().optional(),
  reportId: digits.optional(),
  fileId: z.string().min(1).optional(),
  hash: z.string().regex(/^[0-9a-fA-F]{32}$/).transform((h) => h.toLowerCase()).optional(),
  fileIds: z.array(z.string().min(1)),
});

export type NcmecResponse = z.output<typeof responseSchema> & { kind: 'reportResponse' | 'reportDoneResponse' };

const ROOTS = new Set(['reportResponse', 'reportDoneResponse']);

/** Parses and checks one answer; throws AppError for malformed XML, an unknown shape or a nonzero code. */
export function parseNcmecResponse(body: string, label = 'response'): NcmecResponse {
  const root = readRoot(body, label);
  const fields: Record<string, string> = {};
  const fileIds: string[] = [];
  for (const child of childElements(root)) {
    if (child.name === 'files') fileIds.push(...childElements(child).filter((f) => f.name === 'fileId').map((f) => textOf(f).trim()));
    else if (child.name === 'fileId' && root.name === 'reportDoneResponse') fileIds.push(textOf(child).trim());
    else fields[child.name] = child.name === 'responseDescription' ? textOf(child) : textOf(child).trim();
  }
  const parsed = responseSchema.safeParse({ ...fields, fileIds });
  if (!parsed.success) {
    throw new AppError('remote_error', `CyberTipline ${label}: unexpected answer (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`, {
      userMessage: 'CyberTipline sent an answer in an unexpected format.',
    });
  }
  const kind = root.name === 'reportDoneResponse' ? 'reportDoneResponse' : 'reportResponse';
  const answer: NcmecResponse = { ...parsed.data, kind };
  if (answer.responseCode !== 0) throw ncmecCodeError(answer, label);
  return answer;
}

export function ncmecCodeError(answer: Pick<NcmecResponse, 'responseCode' | 'responseDescription' | 'reportId'>, label: string): AppError {
  // The description is remote text: cleaned (control characters, length) before it reaches a page or a log.
  const description = clean(answer.responseDescription ?? '') || 'no description';
  return new AppError('remote_error', `CyberTipline ${label}: code ${answer.responseCode}: ${description}`, {
    userMessage: `CyberTipline: ${description} (code ${answer.responseCode})`,
    details: { responseCode: answer.responseCode, ...(answer.reportId ? { reportId: answer.reportId } : {}) },
  });
}

function readRoot(body: string, label: string): XmlElement {
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch (e) {
    const why = e instanceof XmlSyntaxError ? e.message : 'unreadable';
    throw new AppError('remote_error', `CyberTipline ${label}: answer is not well-formed XML (${why})`, {
      userMessage: 'CyberTipline sent an answer that is not valid XML.',
    });
  }
  if (!ROOTS.has(root.name)) {
    throw new AppError('remote_error', `CyberTipline ${label}: unexpected root <${clean(root.name)}>`, {
      userMessage: 'CyberTipline sent an answer in an unexpected format.',
    });
  }
  return root;
}
