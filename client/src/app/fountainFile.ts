/**
 * Small helpers around .fountain files on the client: the title an import gets, and the file name an
 * export is saved under. Parsing the script itself is the server's job (shared/fountain); here we only
 * read the title page, so the episode is named what the writer named it.
 */
import { FIELD_LIMITS } from "@aiuteur/shared";

const TITLE_PAGE_KEY = /^([A-Za-z][A-Za-z ]*):(.*)$/;

/** Removes Fountain emphasis (*, _) and centring (> <) markers and collapses whitespace. */
function plain(text: string): string {
  return text
    .replace(/[*_]/g, "")
    .replace(/^>\s*|\s*<$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The `Title:` value of a Fountain title page, or null when the file has no title page or no title. */
export function titleFromTitlePage(fountain: string): string | null {
  const lines = fountain.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let key: string | null = null;
  const values = new Map<string, string[]>();
  for (const line of lines) {
    if (line.trim() === "") break; // the title page ends at the first blank line
    const match = TITLE_PAGE_KEY.exec(line);
    if (match && !/^(\t| {3,})/.test(line)) {
      key = match[1]!.trim().toLowerCase();
      values.set(key, match[2]!.trim() === "" ? [] : [match[2]!]);
    } else if (key !== null && /^(\t| {3,})/.test(line)) {
      values.get(key)?.push(line); // an indented continuation line of the current key
    } else {
      return null; // the first line is script text: no title page
    }
  }
  const title = plain((values.get("title") ?? []).join(" "));
  return title === "" ? null : title;
}

export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.(fountain|spmd|txt)$/i, "");
  return base.replace(/\s+/g, " ").trim();
}

/** The episode title for an imported file: the title page's Title, else the file name, else "Untitled". */
export function titleForImport(fileName: string, fountain: string): string {
  const title = titleFromTitlePage(fountain) ?? titleFromFileName(fileName);
  return (title === "" ? "Untitled" : title).slice(0, FIELD_LIMITS.title);
}

/** A file name every desktop OS accepts, for `<title>.fountain`. */
export function fountainFileName(title: string): string {
  const safe = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+|[.\s]+$/g, "")
    .slice(0, 120);
  return `${safe === "" ? "script" : safe}.fountain`;
}
