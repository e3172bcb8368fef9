/**
 * RFC 4180 records with the line each starts on. A public comment may hold a quoted newline, so rows are not
 * lines; but one stray opening quote must not swallow the rest of a list, so a record that runs past the line cap
 * or the end of the text unterminated is reported as a bad line and reading restarts on the next physical line.
 * Expects "\n" line ends (the caller folds CRLF and CR).
 */
import { MAX_LINE_CHARS } from './collect-entries';

export interface CsvRecord {
  line: number;
  /** The record's text (its first line only, when it could not be read). */
  raw: string;
  cells: string[];
  error?: string;
}

type Quoted = { cells: string[]; end: number } | { error: string };

function readQuotedRecord(text: string, start: number): Quoted {
  const cells: string[] = [];
  let i = start;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i - start > MAX_LINE_CHARS) return { error: `longer than ${MAX_LINE_CHARS} characters` };
        if (i >= text.length) return { error: 'a quote is never closed' };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
          i++;
          break;
        }
        cell += c;
        i++;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\n') return { error: 'text after a closing quote' };
    } else {
      // A quote inside an unquoted cell is kept as text, as spreadsheets write it.
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
        if (i - start > MAX_LINE_CHARS) return { error: `longer than ${MAX_LINE_CHARS} characters` };
        cell += text[i++];
      }
    }
    cells.push(cell);
    if (i - start > MAX_LINE_CHARS) return { error: `longer than ${MAX_LINE_CHARS} characters` };
    if (text[i] === ',') { i++; continue; }
    return { cells, end: i };
  }
}

export function* csvRecords(text: string): Generator<CsvRecord> {
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const first = text.slice(pos, lineEnd);
    if (!first.includes('"')) {
      yield first.length > MAX_LINE_CHARS
        ? { line, raw: first, cells: [], error: `longer than ${MAX_LINE_CHARS} characters` }
        : { line, raw: first, cells: first.split(',') };
      pos = lineEnd + 1;
      line++;
      continue;
    }
    const rec = readQuotedRecord(text, pos);
    if ('error' in rec) {
      yield { line, raw: first, cells: [], error: rec.error };
      pos = lineEnd + 1;
      line++;
      continue;
    }
    const raw = text.slice(pos, rec.end);
    yield { line, raw, cells: rec.cells };
    for (let k = raw.indexOf('\n'); k >= 0; k = raw.indexOf('\n', k + 1)) line++;
    pos = rec.end + 1;
    line++;
  }
}
