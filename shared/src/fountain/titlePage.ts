/**
 * The optional title page: "Key: value" lines at the very top, values either inline or on the
 * following indented lines, ending at the first blank line. Keys keep their order and spelling;
 * values are kept as written (emphasis markup included), multi-line values joined with "\n".
 */
import type { TitlePageField } from "../screenplay/model.js";
import { isTitlePageStart, TITLE_KEY } from "./syntax.js";

export interface TitlePageResult {
  fields: TitlePageField[];
  /** Index of the first line of the script body. */
  bodyStart: number;
}

export function parseTitlePage(lines: readonly string[]): TitlePageResult {
  if (lines.length === 0 || !isTitlePageStart(lines[0]!)) return { fields: [], bodyStart: 0 };
  const fields: TitlePageField[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") return { fields, bodyStart: i + 1 };
    const current = fields[fields.length - 1];
    if (/^\s/.test(line) && current) {
      current.value = current.value === "" ? line.trim() : `${current.value}\n${line.trim()}`;
      continue;
    }
    const match = TITLE_KEY.exec(line);
    // A line that is neither a key nor an indented value ends the title page without a blank line;
    // it is the first line of the script ("Not a title entry." in the spec's examples).
    if (!match) break;
    fields.push({ key: match[1]!, value: (match[2] ?? "").trim() });
  }
  return { fields, bodyStart: i };
}

/** A key that reads back as a key; anything else (an empty key, one with ":" or punctuation) is skipped. */
function writableKey(key: string): string | null {
  const clean = key.replace(/[\r\n:]+/g, " ").trim();
  return TITLE_KEY.test(`${clean}:`) ? clean : null;
}

export function writeTitlePage(fields: readonly TitlePageField[]): string[] {
  const lines: string[] = [];
  for (const field of fields) {
    const key = writableKey(field.key);
    if (key === null) continue;
    // Blank lines would end the title page, so empty value lines cannot be kept.
    const values = field.value
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    if (values.length === 0) lines.push(`${key}:`);
    else if (values.length === 1) lines.push(`${key}: ${values[0]}`);
    else lines.push(`${key}:`, ...values.map((value) => `    ${value}`));
  }
  return lines;
}
