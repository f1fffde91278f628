import { useEffect } from "react";

/** "<title> — Aiuteur" in the browser tab while the page shows, once `title` is known. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} — Aiuteur`;
    return () => {
      document.title = "Aiuteur";
    };
  }, [title]);
}
