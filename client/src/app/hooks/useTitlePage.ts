/** The script's title page, live: re-renders whenever anyone changes it. */
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { TITLE_PAGE_ARRAY, type TitlePageField } from "@aiuteur/shared";

function isField(entry: unknown): entry is TitlePageField {
  return (
    typeof entry === "object" &&
    entry !== null &&
    typeof (entry as TitlePageField).key === "string" &&
    typeof (entry as TitlePageField).value === "string"
  );
}

export function useTitlePage(doc: Y.Doc): TitlePageField[] {
  const array = doc.getArray<unknown>(TITLE_PAGE_ARRAY);
  const read = () => array.toArray().filter(isField);
  const [fields, setFields] = useState(read);
  useEffect(() => {
    const update = () => setFields(array.toArray().filter(isField));
    update();
    array.observe(update);
    return () => array.unobserve(update);
  }, [array]);
  return fields;
}
