/** The colour swatches of a beat card, a radio group: arrows move between colours, the card takes the tint. */
import type { KeyboardEvent } from "react";
import { BEAT_COLORS, type BeatColor } from "@aiuteur/shared";

const NAMES: Record<BeatColor, string> = {
  grey: "Grey",
  red: "Red",
  orange: "Orange",
  yellow: "Yellow",
  green: "Green",
  teal: "Teal",
  blue: "Blue",
  purple: "Purple",
  pink: "Pink",
};

interface Props {
  value: BeatColor;
  onChange(color: BeatColor): void;
  readOnly: boolean;
  label: string;
}

export function BeatColorPicker({ value, onChange, readOnly, label }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly || event.altKey) return;
    const step = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = BEAT_COLORS.indexOf(value);
    const next = BEAT_COLORS[(index + step + BEAT_COLORS.length) % BEAT_COLORS.length]!;
    onChange(next);
    const group = event.currentTarget;
    requestAnimationFrame(() => group.querySelector<HTMLElement>(`[data-color="${next}"]`)?.focus());
  };
  return (
    <div className="beat-colors" role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      {BEAT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          role="radio"
          aria-checked={color === value}
          aria-label={NAMES[color]}
          title={NAMES[color]}
          tabIndex={color === value ? 0 : -1}
          disabled={readOnly}
          className={`beat-swatch beat-color-${color}`}
          data-color={color}
          data-testid={`beat-color-${color}`}
          onClick={() => onChange(color)}
        />
      ))}
    </div>
  );
}
