/** Adds an item by hand: a prop, anything else, or a character or location the scripts don't name yet. */
import { useId, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { addRegistryEntry, REGISTRY_KINDS, REGISTRY_LIMITS, type RegistryKind } from "@aiuteur/shared";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { KIND_LABELS } from "./kindLabels";

export function AddRegistryEntry({ doc }: { doc: Y.Doc }) {
  const id = useId();
  const [kind, setKind] = useState<RegistryKind>("prop");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.replace(/\s+/g, " ").trim();
    if (trimmed === "") {
      setError("Give it a name first.");
      return;
    }
    addRegistryEntry(doc, kind, trimmed);
    setName("");
    setError(null);
  };

  return (
    <form className="registry-add" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <span id={`${id}-legend`} className="registry-add-title">
        Add to the registry
      </span>
      <select aria-label="Kind" value={kind} onChange={(event) => setKind(event.target.value as RegistryKind)} data-testid="registry-add-kind">
        {REGISTRY_KINDS.map((value) => (
          <option key={value} value={value}>
            {KIND_LABELS[value].one}
          </option>
        ))}
      </select>
      <input
        type="text"
        aria-label="Name"
        placeholder="Name (e.g. Grandfather's pocket watch)"
        maxLength={REGISTRY_LIMITS.name}
        value={name}
        onChange={(event) => setName(event.target.value)}
        data-testid="registry-add-name"
      />
      <button type="submit" className="button-primary" data-testid="registry-add">
        Add
      </button>
      <ErrorMessage message={error} />
    </form>
  );
}
