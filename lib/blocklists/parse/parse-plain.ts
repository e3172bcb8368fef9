/** One domain per line; `#` starts a comment (a whole line, or after a space); blank lines are skipped. */
import { EntryCollector, MAX_LINE_CHARS } from './collect-entries';

export function parsePlain(text: string, out: EntryCollector): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (raw.length > MAX_LINE_CHARS) {
      out.addBad(i + 1, raw, `longer than ${MAX_LINE_CHARS} characters`);
      continue;
    }
    const domain = line.replace(/\s+#.*$/, '');
    out.add({ line: i + 1, domain, severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false, digest: null }, raw);
  }
}
