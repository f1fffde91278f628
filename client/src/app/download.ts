/**
 * Saves text as a file through a temporary object URL. The export endpoint needs the bearer token, so a
 * plain <a href> cannot fetch it; we fetch, then hand the browser a Blob to download.
 */
export function saveTextFile(fileName: string, text: string, type = "text/plain;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
