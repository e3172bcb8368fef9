/**
 * Mastodon's domain-block CSV export (`#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate`),
 * the same with bare column names (FediBlockHole, other exports, any column order, extra columns such as
 * private_comment ignored: a private comment must never travel on), and the older headerless `domain,severity`
 * form, read positionally. Other lines starting with # are comments.
 */
import { csvRecords } from './csv-records';
import { EntryCollector } from './collect-entries';
import { parseComment, parseFlag, parseSeverity } from './fields';

type Column = 'domain' | 'severity' | 'reject_media' | 'reject_reports' | 'public_comment' | 'obfuscate';
const POSITIONAL: Column[] = ['domain', 'severity', 'reject_media', 'reject_reports', 'public_comment', 'obfuscate'];
const ALIASES: Record<string, Column> = {
  domain: 'domain', severity: 'severity', reject_media: 'reject_media', reject_reports: 'reject_reports',
  public_comment: 'public_comment', comment: 'public_comment', obfuscate: 'obfuscate',
};

function headerColumns(cells: string[]): Map<Column, number> | null {
  const names = cells.map((c) => c.trim().replace(/^#\s*/, '').toLowerCase());
  if (!names.includes('domain') || !(names[0] in ALIASES || names[0] === 'private_comment')) return null;
  const columns = new Map<Column, number>();
  names.forEach((name, i) => {
    const col = ALIASES[name];
    if (col && !columns.has(col)) columns.set(col, i);
  });
  return columns;
}

export function parseMastodonCsv(text: string, out: EntryCollector): void {
  let columns = new Map<Column, number>(POSITIONAL.map((c, i) => [c, i]));
  let beforeData = true;
  for (const rec of csvRecords(text)) {
    if (rec.raw.trim() === '') continue;
    if (rec.raw.trimStart().startsWith('#')) {
      const header = beforeData && !rec.error ? headerColumns(rec.cells) : null;
      if (header) {
        columns = header;
        beforeData = false;
      }
      continue;
    }
    if (rec.error) {
      out.addBad(rec.line, rec.raw, rec.error);
      continue;
    }
    if (beforeData) {
      beforeData = false;
      const header = headerColumns(rec.cells);
      if (header) {
        columns = header;
        continue;
      }
    }
    const cell = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? undefined : rec.cells[i];
    };
    const domain = (cell('domain') ?? '').trim();
    if (domain === '') {
      out.addBad(rec.line, rec.raw, 'no domain');
      continue;
    }
    const severity = parseSeverity(cell('severity'));
    const rejectMedia = parseFlag(cell('reject_media'), 'reject_media');
    const rejectReports = parseFlag(cell('reject_reports'), 'reject_reports');
    const obfuscate = parseFlag(cell('obfuscate'), 'obfuscate');
    const failed = [severity, rejectMedia, rejectReports, obfuscate].find((v) => typeof v === 'object');
    if (failed) {
      out.addBad(rec.line, rec.raw, failed.error);
      continue;
    }
    out.add({
      line: rec.line, domain, severity: severity as Exclude<typeof severity, object>, rejectMedia: rejectMedia === true,
      rejectReports: rejectReports === true, publicComment: parseComment(cell('public_comment')), obfuscate: obfuscate === true,
      digest: null,
    }, rec.raw);
  }
}
