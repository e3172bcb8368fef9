/**
 * RFC 4180 CSV cells, safe to open in a spreadsheet. Actor labels, targets and details come partly from
 * remote servers, and spreadsheets run a cell starting with = + - @ (or a tab/CR before one) as a formula
 * (OWASP "CSV injection"); a leading ' makes them show the text instead.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | null | undefined): string {
  let s = value ?? '';
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record with the CRLF line ending RFC 4180 asks for. */
export function csvLine(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
