/**
 * Turns an uploaded hash list's bytes into text, refusing files that are not text at all. A PNG, a spreadsheet
 * (.xlsx is a zip) or a PDF given to the import would otherwise decode into replacement characters and come back
 * as thousands of "not hex" lines, which tells the admin nothing. Only the first KiBs are sniffed: binary formats
 * show it in their header, and a long list must not be refused for one odd label deep inside.
 */
import { AppError } from '@/lib/errors';

/** How much is sniffed: enough for any binary header, small enough to be free. */
export const SNIFF_BYTES = 8 * 1024;
export const NOT_TEXT_MESSAGE = 'This is not a text file: export the list as CSV and try again.';

function notTextError(reason: string): AppError {
  return new AppError('bad_request', `import upload is not text: ${reason}`, { userMessage: NOT_TEXT_MESSAGE });
}

export function decodeTextUpload(bytes: Uint8Array): string {
  // Excel's "Unicode text" export is UTF-16 with a byte-order mark: real text, whose ASCII halves are NUL bytes.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    const text = decodeStrict(utf16, bytes);
    if (text.slice(0, SNIFF_BYTES).includes('\u0000')) throw notTextError('NUL in UTF-16 text');
    return text;
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw notTextError('NUL byte');
  // `stream: true` lets a multi-byte character cut in two by the sniff window's end pass as incomplete, not invalid.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: bytes.length > SNIFF_BYTES });
  } catch {
    throw notTextError('invalid UTF-8');
  }
  // Past the window, a stray byte becomes U+FFFD in one label (shown on that line), not a refused file.
  return new TextDecoder('utf-8').decode(bytes);
}

function decodeStrict(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw notTextError(`invalid ${encoding}`);
  }
}
