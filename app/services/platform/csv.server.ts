// Every spreadsheet the portal produces: French CSV (`;`, CRLF, UTF-8 with a BOM so Excel reads the accents)
// whose text cells cannot run as formulas. A cell typed as « =HYPERLINK(…) », « +33… », « -2+3 » or « @SUM… »
// by a user (an organisation's name, a title) would be evaluated by the spreadsheet that opens the export
// (CSV injection): such cells get a leading apostrophe, which spreadsheets show as text. Amounts stay
// numbers: « -12,00 » or « 1 234,50 » is a number, not a formula, and is written as it is.
import { stringify } from "csv-stringify/sync";

/** A number as the exports write them: optional sign, digits (grouped or not), optional decimal comma. */
const FRENCH_NUMBER = /^[-+]?\d{1,3}(?:[ \u00a0\u202f]?\d{3})*(?:,\d+)?$|^[-+]?\d+(?:,\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet will take it as text when it could otherwise start a formula. */
export function neutraliseCell(value: string): string {
  if (!FORMULA_START.test(value) || FRENCH_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** The records under their header, as a French spreadsheet opens them, every text cell neutralised. */
export function frenchCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return stringify(
    records.map((record) => record.map(neutraliseCell)),
    { bom: true, delimiter: ";", header: true, columns: [...header], record_delimiter: "windows" },
  );
}
