/**
 * Reads a hash-list upload from a route request: multipart/form-data with a `file` field (the UI's form) or a
 * raw text/csv body (scripts: `curl --data-binary @list.csv`). The body is read with a cap before it is parsed,
 * because request.formData() would otherwise buffer whatever a client chooses to send.
 */
import { AppError } from '@/lib/errors';
import { readBody } from '@/lib/http/read-body';
import { decodeTextUpload } from './decode-text-upload';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
// Multipart boundaries and part headers around the file.
const MULTIPART_SLACK = 64 * 1024;

export interface ImportUpload { text: string; file: string; signal: string | undefined }

export async function readImportUpload(req: Request): Promise<ImportUpload> {
  const header = req.headers.get('content-type') ?? '';
  const type = header.toLowerCase();
  const url = new URL(req.url);
  if (type.startsWith('multipart/form-data')) {
    const bytes = await readCapped(req, MAX_IMPORT_BYTES + MULTIPART_SLACK);
    // The original header: the multipart boundary is case-sensitive.
    const form = await new Response(bytes, { headers: { 'content-type': header } }).formData().catch(() => {
      throw new AppError('bad_request', 'malformed multipart body');
    });
    const file = form.get('file');
    if (!(file instanceof File)) throw new AppError('bad_request', 'no file field', { userMessage: 'Choose a file to import.' });
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
    const signal = form.get('signal');
    return { text: decodeTextUpload(new Uint8Array(await file.arrayBuffer())), file: file.name || 'upload.csv', signal: typeof signal === 'string' && signal ? signal : undefined };
  }
  if (type.startsWith('text/csv') || type.startsWith('text/plain')) {
    const bytes = await readCapped(req, MAX_IMPORT_BYTES);
    return { text: decodeTextUpload(bytes), file: url.searchParams.get('filename') || 'upload.csv', signal: url.searchParams.get('signal') || undefined };
  }
  throw new AppError('bad_request', `unsupported content type ${type}`, { userMessage: 'Send the list as a file upload or as text/csv.' });
}

// The shared streaming cap (lib/http/read-body.ts), with this upload's own message.
function readCapped(req: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  return readBody(req, max, { tooLargeMessage: TOO_LARGE_MESSAGE });
}

const TOO_LARGE_MESSAGE = 'The file is larger than 50 MB. Split it, or import it with the CLI.';

function tooLarge(): AppError {
  return new AppError('too_large', 'import upload too large', { userMessage: TOO_LARGE_MESSAGE });
}
