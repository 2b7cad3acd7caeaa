/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 cell: quoted when it holds a comma, quote or line break; a text a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP's advice for CSV injection: names,
 * codes and reasons come from users, and an export is opened in a spreadsheet). `null` is the empty cell.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
