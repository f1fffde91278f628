/** The keyboard map popover (Mod-/), generated from the same table the keymap binds. */
import { useEffect, useRef } from "react";
import { ELEMENT_LABELS, ELEMENT_SHORTCUTS, OTHER_SHORTCUTS, displayKeys, isMac } from "./shortcuts.js";

export interface ShortcutHelpProps {
  onClose(): void;
}

export function ShortcutHelp({ onClose }: ShortcutHelpProps) {
  const mac = isMac();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  const rows = [
    ...ELEMENT_SHORTCUTS.map(([keys, type]) => ({ keys, does: ELEMENT_LABELS[type] })),
    ...OTHER_SHORTCUTS,
  ];
  return (
    <div
      className="sp-help"
      role="dialog"
      aria-label="Keyboard shortcuts"
      data-testid="shortcut-help"
      onKeyDown={(event) => {
        if (event.key === "Escape" || (event.key === "/" && (event.metaKey || event.ctrlKey))) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="sp-help-title">
        <span>Keyboard shortcuts</span>
        <button ref={closeButton} type="button" className="sp-tool" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <dl>
        {rows.map(({ keys, does }) => (
          <div key={keys} className="sp-help-row">
            <dt>
              <kbd>{displayKeys(keys, mac)}</kbd>
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
