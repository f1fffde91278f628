/**
 * One scene's section of the storyboard: "12 · INT. KITCHEN - NIGHT", the scene's running time (the sum
 * of its shots' durations), its panels, and for storyboard writers "Add shot", "Suggest shots" and the
 * shots set aside from it (removed from the storyboard, kept, and put back with one click).
 */
import { useMemo, useState } from "react";
import type * as Y from "yjs";
import {
  addShotToStoryboard,
  formatRunningTime,
  readShotFields,
  readShotOrder,
  runningTime,
  shotDocumentName,
  type DerivedScene,
  type Role,
  type ShotInfo,
} from "@aiuteur/shared";
import { api, messageOf } from "../app/api";
import { useBranchId } from "../branches/branchContext";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { LockBanner } from "../locks/LockBanner";
import { LockControl } from "../locks/LockControl";
import { isLocked } from "../locks/lockText";
import { useLockAwareScope } from "../locks/useLockAwareScope";
import { useLockMirror } from "../locks/useLockMirror";
import { useDocValue } from "../scenes/useDocValue";
import { ShotGrid } from "./ShotGrid";
import { sceneTitle, setAsideShots } from "./storyboardLayout";
import { usePooledDocuments } from "./usePooledDocuments";
import { useSharedDocument } from "./useSharedDocument";

interface Props {
  projectId: string;
  episodeId: string;
  scene: DerivedScene;
  storyboardName: string;
  /** Every shot of the episode, when known (for the set-aside list). */
  episodeShots: readonly ShotInfo[] | null;
  mayArrange: boolean;
  mayEditShots: boolean;
  online: boolean;
  highlighted: boolean;
  onShotsCreated(): void;
  /** For the scene storyboard's lock control. */
  role: Role | null;
  /** The name "Unlock on a new branch" proposes. */
  branchName: string;
}

export function SceneStoryboard(props: Props) {
  const { projectId, episodeId, scene, episodeShots, online } = props;
  const storyboard = useSharedDocument(props.storyboardName);
  const doc = storyboard?.doc ?? null;
  const order = useDocValue(doc, readShotOrder) ?? [];
  const branchId = useBranchId();
  const names = useMemo(() => order.map((id) => shotDocumentName(projectId, id, branchId)), [projectId, order, branchId]);
  const shots = usePooledDocuments(names);
  // A locked storyboard keeps its order: no drag, no add or suggest, no set-aside.
  const lock = useLockMirror(doc, props.storyboardName);
  const readOnlyConnection = useLockAwareScope(storyboard?.provider?.authorizedScope ?? null, lock) === "readonly";
  const arrangeable = props.mayArrange && !readOnlyConnection && !isLocked(lock);
  const [busy, setBusy] = useState<"add" | "suggest" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const total = useMemo(() => {
    const durations = [...shots.docs.values()].filter((e) => e.doc.getMap("fields").size > 0).map((e) => readShotFields(e.doc));
    return runningTime(durations);
    // `version` changes whenever any shot document does.
  }, [shots]);
  const setAside = episodeShots && doc ? setAsideShots(episodeShots, scene.sceneId, order) : [];

  const create = async (suggest: boolean) => {
    if (suggest && order.length > 0 && !window.confirm(`Scene ${scene.number} already has ${order.length} shot${order.length === 1 ? "" : "s"}. Add the suggested shots after them?`)) return;
    setBusy(suggest ? "suggest" : "add");
    setError(null);
    try {
      const created = await api.createShots(projectId, episodeId, scene.sceneId, suggest ? { suggest: true } : {}, branchId);
      if (suggest && created.length === 0) setError("The scene has no action or dialogue to suggest shots from yet.");
      props.onShotsCreated();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  };

  const title = sceneTitle(scene);
  return (
    <section
      className={`scene-storyboard${props.highlighted ? " highlighted" : ""}`}
      data-testid="scene-storyboard"
      data-scene-id={scene.sceneId}
      id={`scene-${scene.sceneId}`}
      aria-labelledby={`scene-title-${scene.sceneId}`}
    >
      <header className="scene-storyboard-header">
        <h2 id={`scene-title-${scene.sceneId}`} className="scene-storyboard-title">
          {title}
        </h2>
        <span className="scene-storyboard-time" data-testid="scene-running-time" title="Running time: the sum of the shots' durations">
          {order.length === 1 ? "1 shot" : `${order.length} shots`} · {formatRunningTime(total)}
        </span>
        {arrangeable && (
          <span className="scene-storyboard-actions">
            <button type="button" className="button-secondary" data-testid="add-shot" disabled={busy !== null || !online} onClick={() => void create(false)}>
              {busy === "add" ? "Adding…" : "Add shot"}
            </button>
            <button type="button" className="button-secondary" data-testid="suggest-shots" disabled={busy !== null || !online} onClick={() => void create(true)}>
              {busy === "suggest" ? "Suggesting…" : "Suggest shots"}
            </button>
          </span>
        )}
        <LockControl
          projectId={projectId}
          document={props.storyboardName}
          mirror={lock}
          role={props.role}
          what={`the storyboard of scene ${scene.number}`}
          branchName={props.branchName}
          className="scene-storyboard-lock"
          compact
        />
      </header>
      <LockBanner mirror={lock} className="scene-lock-banner" />
      <ErrorMessage message={error} />
      {storyboard === null || !storyboard.ready ? (
        <p className="muted" role="status">
          Opening the storyboard…
        </p>
      ) : order.length === 0 ? (
        <p className="muted scene-storyboard-empty">No shots yet.{arrangeable ? (online ? " Add one, or let Aiuteur suggest a first breakdown." : " Shots can be added when you are back online.") : ""}</p>
      ) : (
        <ShotGrid
          projectId={projectId}
          episodeId={episodeId}
          storyboard={doc}
          order={order}
          docs={shots.docs}
          arrangeable={arrangeable}
          editable={props.mayEditShots}
          label={`Shots of scene ${scene.number}`}
        />
      )}
      {arrangeable && setAside.length > 0 && doc && (
        <details className="scene-storyboard-aside" data-testid="set-aside">
          <summary>Set aside ({setAside.length})</summary>
          <ul>
            {setAside.map((shot) => (
              <SetAsideShot key={shot.id} projectId={projectId} shotId={shot.id} onPutBack={() => addShotToStoryboard(doc, shot.id)} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** A shot taken off the storyboard, by its number, with a button to put it back at the end. */
function SetAsideShot({ projectId, shotId, onPutBack }: { projectId: string; shotId: string; onPutBack(): void }) {
  const branchId = useBranchId();
  const shot = useSharedDocument(shotDocumentName(projectId, shotId, branchId));
  const number = useDocValue(shot?.doc ?? null, shotNumberOf);
  return (
    <li>
      <button type="button" className="button-quiet" data-testid="put-back-shot" onClick={onPutBack}>
        Put back shot {number ?? "…"}
      </button>
    </li>
  );
}

const shotNumberOf = (doc: Y.Doc) => (doc.getMap("fields").size > 0 ? readShotFields(doc).number : null);
