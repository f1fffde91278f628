/**
 * The parts of a shot that point into the script: the dialogue lines it covers (picked from the scene's
 * dialogue, stored as they read when linked) and the characters in shot (chips, suggested from the
 * scene's characters, or typed). The script is opened read-only through the page's document pool, or a
 * private one on a page without a pool.
 */
import { useId, useMemo, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import {
  SHOT_LIMITS,
  deriveScenes,
  readScreenplay,
  scriptDocumentName,
  writeShotFields,
  type DialogueLine,
  type ShotFields,
} from "@aiuteur/shared";
import { useBranchId } from "../branches/branchContext";
import { useDocValue } from "../scenes/useDocValue";
import { sameLine, sceneDialogue, type SceneScript } from "./sceneScript";
import { DocumentPoolScope, useHasDocumentPool, useSharedDocument } from "./useSharedDocument";

interface Props {
  doc: Y.Doc;
  fields: ShotFields;
  editable: boolean;
  projectId: string;
  episodeId?: string;
}

export function ShotScriptLinks(props: Props) {
  const hasPool = useHasDocumentPool();
  if (hasPool) return <ScriptLinks {...props} />;
  return (
    <DocumentPoolScope>
      <ScriptLinks {...props} />
    </DocumentPoolScope>
  );
}

function ScriptLinks({ doc, fields, editable, projectId, episodeId }: Props) {
  const branchId = useBranchId();
  const script = useSharedDocument(episodeId ? scriptDocumentName(projectId, episodeId, branchId) : null);
  const sceneId = fields.sceneId;
  const read = useMemo(
    () =>
      (scriptDoc: Y.Doc): SceneScript => {
        const blocks = readScreenplay(scriptDoc).blocks;
        const scene = deriveScenes(blocks).find((s) => s.sceneId === sceneId) ?? null;
        return { scene, lines: scene ? sceneDialogue(blocks, scene) : [], characters: scene?.characters ?? [] };
      },
    [sceneId],
  );
  const sceneScript = useDocValue(script?.doc ?? null, read);
  const write = (patch: { dialogue?: DialogueLine[]; characters?: string[] }) => {
    if (editable) writeShotFields(doc, patch);
  };
  return (
    <>
      <DialoguePicker
        linked={fields.dialogue}
        available={sceneScript?.lines ?? []}
        editable={editable}
        onChange={(dialogue) => write({ dialogue })}
      />
      <CharacterChips
        names={fields.characters}
        suggestions={sceneScript?.characters ?? []}
        editable={editable}
        onChange={(characters) => write({ characters })}
      />
    </>
  );
}

function lineLabel(line: DialogueLine): string {
  return `${line.character}${line.parenthetical ? ` ${line.parenthetical}` : ""}: ${line.text}`;
}

function DialoguePicker(props: { linked: DialogueLine[]; available: DialogueLine[]; editable: boolean; onChange(lines: DialogueLine[]): void }) {
  const { linked, available, editable, onChange } = props;
  const unlinked = available.filter((line) => !linked.some((l) => sameLine(l, line)));
  const full = linked.length >= SHOT_LIMITS.dialogue;
  return (
    <fieldset className="shot-dialogue" data-testid="shot-dialogue">
      <legend>Dialogue</legend>
      {linked.length === 0 ? (
        <p className="muted">No dialogue linked.</p>
      ) : (
        <ol className="shot-dialogue-lines">
          {linked.map((line, index) => (
            <li key={`${index}:${line.character}:${line.text}`}>
              <span className="shot-dialogue-character">{line.character}</span>
              {line.parenthetical && <span className="muted"> {line.parenthetical}</span>} {line.text}
              {editable && (
                <button
                  type="button"
                  className="button-quiet chip-remove"
                  aria-label={`Unlink “${lineLabel(line)}”`}
                  onClick={() => onChange(linked.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <select
          aria-label="Link a line of dialogue from the scene"
          data-testid="shot-dialogue-add"
          value=""
          disabled={unlinked.length === 0 || full}
          onChange={(event) => {
            const line = unlinked[Number(event.target.value)];
            if (line) onChange([...linked, line]);
          }}
        >
          <option value="">{available.length === 0 ? "The scene has no dialogue" : unlinked.length === 0 ? "Every line is linked" : "Link a line…"}</option>
          {unlinked.map((line, index) => (
            <option key={index} value={index}>
              {lineLabel(line).slice(0, 90)}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}

function CharacterChips(props: { names: string[]; suggestions: string[]; editable: boolean; onChange(names: string[]): void }) {
  const { names, suggestions, editable, onChange } = props;
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim().toUpperCase();
    if (name === "") return setProblem("Type a character's name.");
    if (names.includes(name)) return setProblem(`${name} is already in the shot.`);
    if (names.length >= SHOT_LIMITS.characters) return setProblem(`A shot lists at most ${SHOT_LIMITS.characters} characters.`);
    onChange([...names, name]);
    setDraft("");
    setProblem(null);
  };
  const offered = suggestions.filter((name) => !names.includes(name));
  return (
    <fieldset className="shot-characters" data-testid="shot-characters">
      <legend>Characters in shot</legend>
      <ul className="chips">
        {names.length === 0 && <li className="muted">Nobody yet.</li>}
        {names.map((name) => (
          <li key={name} className="chip">
            {name}
            {editable && (
              <button type="button" className="button-quiet chip-remove" aria-label={`Remove ${name}`} onClick={() => onChange(names.filter((n) => n !== name))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <>
          {offered.length > 0 && (
            <div className="chip-suggestions" aria-label="Characters of the scene">
              {offered.map((name) => (
                <button key={name} type="button" className="chip chip-suggestion" onClick={() => onChange([...names, name])}>
                  + {name}
                </button>
              ))}
            </div>
          )}
          <form className="chip-add" onSubmit={add}>
            <input
              aria-label="Add a character"
              list={listId}
              value={draft}
              placeholder="Add a character"
              data-testid="shot-character-input"
              aria-invalid={problem !== null}
              onChange={(event) => {
                setDraft(event.target.value);
                setProblem(null);
              }}
            />
            <datalist id={listId}>
              {offered.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <button type="submit" className="button-secondary">
              Add
            </button>
          </form>
          {problem && (
            <span className="shot-field-problem" role="alert">
              {problem}
            </span>
          )}
        </>
      )}
    </fieldset>
  );
}
