/** A page-wide Mod+Alt+<key> shortcut (by physical key: Alt changes the character on a Mac). */
import { useEffect, useRef } from "react";

export function useModAltShortcut(code: string, handler: () => void, enabled = true): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.altKey && !event.shiftKey && event.code === code) {
        event.preventDefault();
        handlerRef.current();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [code, enabled]);
}
