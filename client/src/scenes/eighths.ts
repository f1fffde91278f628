/**
 * Scene lengths in eighths of a page, written the way schedules and breakdown sheets write them:
 * 3 → "3/8", 8 → "1", 11 → "1 3/8". Fractions stay in eighths (never reduced to "1/2"), because that is
 * the unit the whole industry counts in.
 */
export function formatEighths(eighths: number): string {
  const total = Math.max(0, Math.round(eighths));
  const pages = Math.floor(total / 8);
  const rest = total % 8;
  if (rest === 0) return String(pages);
  return pages === 0 ? `${rest}/8` : `${pages} ${rest}/8`;
}

/** Words for screen readers and titles: "1 and 3/8 pages". */
export function describeEighths(eighths: number): string {
  if (eighths < 8) return `${formatEighths(eighths)} of a page`;
  return `${formatEighths(eighths).replace(" ", " and ")} ${eighths === 8 ? "page" : "pages"}`;
}
