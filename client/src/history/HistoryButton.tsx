/** The header button that opens a document's history panel (also Ctrl/⌘+Alt+H). */
import type { HistoryPanelState } from "./useHistoryPanel";

export function HistoryButton({ panel }: { panel: HistoryPanelState }) {
  return (
    <button
      type="button"
      className="button-quiet history-toggle"
      aria-expanded={panel.open}
      aria-controls="history-panel"
      aria-keyshortcuts="Control+Alt+H Meta+Alt+H"
      title="History (Ctrl+Alt+H)"
      data-testid="history-toggle"
      onClick={panel.toggle}
    >
      History
    </button>
  );
}
