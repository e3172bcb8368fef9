/**
 * Builds the `<fileDetails>` document for POST /fileinfo. Order from the FileDetails struct of Boostport/ncmec-go
 * cybertipline/types.go (generated from the XSD): reportId, fileId, fileName, originalFileName,
 * uploadedToEspTimestamp, locationOfFile, fileViewedByEsp, exifViewedByEsp, publiclyAvailable, fileRelevance,
 * potentialMeme, fileAnnotations, industryClassification, originalFileHash (0..n, attribute hashType), ...
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { el, group, XML_DECLARATION } from './xml-text';

export const fileDetailsInputSchema = z.object({
  /** xs:long in the XSD; kept as digits so a large id never loses precision in a JS number. */
  reportId: z.string().regex(/^\d+$/),
  fileId: z.string().min(1),
  originalFileName: z.string().min(1).optional(),
  /** The URL where the file was found. */
  locationOfFile: z.string().min(1).optional(),
  fileViewedByEsp: z.boolean(),
  publiclyAvailable: z.boolean(),
  md5: z.string().regex(/^[0-9a-f]{32}$/i),
  sha256: z.string().regex(/^[0-9a-f]{64}$/i),
});

export type FileDetailsInput = z.input<typeof fileDetailsInputSchema>;

export function buildFileDetailsXml(input: FileDetailsInput): string {
  const parsed = fileDetailsInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('bad_request', `NCMEC file details invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`, {
      userMessage: 'The CyberTipline file details are incomplete.',
    });
  }
  const f = parsed.data;
  return XML_DECLARATION + group('fileDetails', [
    el('reportId', f.reportId),
    el('fileId', f.fileId),
    el('originalFileName', f.originalFileName),
    el('locationOfFile', f.locationOfFile),
    el('fileViewedByEsp', f.fileViewedByEsp),
    el('publiclyAvailable', f.publiclyAvailable),
    el('originalFileHash', f.md5.toLowerCase(), { hashType: 'MD5' }),
    el('originalFileHash', f.sha256.toLowerCase(), { hashType: 'SHA256' }),
  ]);
}
