/**
 * A beat's linked scenes as chips ("12 · INT. KITCHEN - NIGHT"), each removable, and a picker listing the
 * script's scenes not linked yet. A link whose heading was deleted stays visible as "Scene removed", so
 * nobody loses track of it silently; it can still be unlinked.
 */
import { linkScene, unlinkScene, type DerivedScene } from "@aiuteur/shared";
import type * as Y from "yjs";
import { sceneChips } from "./boardOrder";

interface Props {
  doc: Y.Doc;
  beatId: string;
  beatTitle: string;
  sceneIds: readonly string[];
  scenes: readonly DerivedScene[] | null;
  readOnly: boolean;
}

export function SceneLinks({ doc, beatId, beatTitle, sceneIds, scenes, readOnly }: Props) {
  const chips = sceneChips(sceneIds, scenes);
  const linkable = (scenes ?? []).filter((scene) => scene.sceneId !== "" && !sceneIds.includes(scene.sceneId));
  const name = beatTitle.trim() || "this beat";
  return (
    <div className="beat-scenes">
      {chips.length > 0 && (
        <ul className="beat-scene-chips" aria-label={`Scenes linked to ${name}`}>
          {chips.map((chip) => (
            <li
              key={chip.sceneId}
              className={`beat-scene-chip${chip.removed ? " removed" : ""}`}
              data-testid="beat-scene-chip"
              title={chip.removed ? "This scene's heading was deleted from the script" : chip.label}
            >
              <span className="beat-scene-label">{chip.label}</span>
              {!readOnly && (
                <button
                  type="button"
                  className="beat-scene-unlink"
                  aria-label={`Unlink ${chip.label} from ${name}`}
                  data-testid="beat-scene-unlink"
                  onClick={() => unlinkScene(doc, beatId, chip.sceneId)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <select
          className="beat-link-scene"
          aria-label={`Link a scene to ${name}`}
          data-testid="beat-link-scene"
          value=""
          disabled={linkable.length === 0}
          onChange={(event) => {
            if (event.target.value !== "") linkScene(doc, beatId, event.target.value);
          }}
        >
          <option value="">
            {scenes === null ? "Opening the script…" : linkable.length === 0 ? "No scenes to link" : "+ Link a scene…"}
          </option>
          {linkable.map((scene) => (
            <option key={scene.sceneId} value={scene.sceneId}>
              {scene.number} · {scene.heading}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
