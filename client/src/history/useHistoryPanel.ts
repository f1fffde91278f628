/** Whether a page's history panel is open, toggled by its button and by Mod+Alt+H. */
import { useCallback, useState } from "react";
import { useModAltShortcut } from "../comments/useModAltShortcut";

export interface HistoryPanelState {
  open: boolean;
  toggle(): void;
  close(): void;
}

export function useHistoryPanel(enabled = true): HistoryPanelState {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((value) => !value), []);
  const close = useCallback(() => setOpen(false), []);
  useModAltShortcut("KeyH", toggle, enabled);
  return { open, toggle, close };
}
