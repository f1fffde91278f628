/** "Render animatic" with its options: cuts or cross-dissolves between shots, and scene title cards. */
import { useState, type FormEvent } from "react";
import { DEFAULT_ANIMATIC_OPTIONS, type AnimaticOptions } from "@aiuteur/shared";

interface Props {
  busy: boolean;
  onRender(options: AnimaticOptions): void;
  /** "Render animatic" the first time, "Render again" after. */
  label: string;
}

export function AnimaticRenderForm({ busy, onRender, label }: Props) {
  const [options, setOptions] = useState<AnimaticOptions>(DEFAULT_ANIMATIC_OPTIONS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRender(options);
  };
  return (
    <form className="animatic-form" onSubmit={submit} data-testid="animatic-form">
      <fieldset className="animatic-transition">
        <legend>Between shots</legend>
        <label>
          <input type="radio" name="transition" checked={options.transition === "cut"} onChange={() => setOptions({ ...options, transition: "cut" })} />
          Cuts
        </label>
        <label>
          <input
            type="radio"
            name="transition"
            checked={options.transition === "dissolve"}
            onChange={() => setOptions({ ...options, transition: "dissolve" })}
            data-testid="animatic-dissolve"
          />
          Cross-dissolves
        </label>
      </fieldset>
      <label className="animatic-titles">
        <input type="checkbox" checked={options.titleCards} onChange={(event) => setOptions({ ...options, titleCards: event.target.checked })} data-testid="animatic-title-cards" />
        Scene title cards
      </label>
      <button type="submit" className="button-primary" disabled={busy} data-testid="animatic-render">
        {busy ? "Asking…" : label}
      </button>
    </form>
  );
}
