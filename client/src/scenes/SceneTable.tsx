/**
 * The scene list as a table on a desktop; on a phone each row becomes a card (CSS only, same markup, so
 * screen readers get a table everywhere). Each scene links to its storyboard and to its place in the script.
 */
import { Link } from "react-router";
import { episodePath } from "../app/episode/EpisodeTabs";
import { useBranchId, withBranch } from "../branches/branchContext";
import { ShotLockCounts } from "../locks/LockBadge";
import type { LockCounts } from "../locks/shotLockCounts";
import { describeEighths, formatEighths } from "./eighths";
import type { SceneRow, SceneTotals } from "./sceneRows";

interface Props {
  projectId: string;
  episodeId: string;
  rows: readonly SceneRow[];
  totals: SceneTotals;
  /** Totals of the whole script, when a filter hides some scenes. */
  allTotals: SceneTotals;
  /** Per scene id, how many of its shots are locked or invalidated. */
  shotLocks?: ReadonlyMap<string, LockCounts>;
}

export function SceneTable({ projectId, episodeId, rows, totals, allTotals, shotLocks }: Props) {
  const branchId = useBranchId();
  const filtered = totals.scenes !== allTotals.scenes;
  return (
    <table className="scene-table" data-testid="scene-table">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Heading</th>
          <th scope="col">I/E</th>
          <th scope="col">Location</th>
          <th scope="col">Time</th>
          <th scope="col" className="numeric">
            Pages
          </th>
          <th scope="col">Characters</th>
          <th scope="col">Beats</th>
          <th scope="col">
            <span className="scenes-visually-hidden">Open</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ scene, beats }) => (
          // A pasted heading has no id of its own until the editor gives it one (sceneId ""): key by position then.
          <tr key={scene.sceneId || `pending-${scene.startIndex}`} data-testid="scene-row" data-scene-id={scene.sceneId}>
            <td className="scene-number" data-label="Scene">
              {scene.number}
            </td>
            <th scope="row" className="scene-heading">
              {scene.heading}
            </th>
            <td data-label="I/E">{scene.intExt ?? "—"}</td>
            <td data-label="Location">{scene.location || "—"}</td>
            <td data-label="Time">{scene.timeOfDay || "—"}</td>
            <td className="numeric" data-label="Pages" data-testid="scene-length" title={describeEighths(scene.eighths)}>
              {formatEighths(scene.eighths)}
            </td>
            <td data-label="Characters" className="scene-characters">
              {scene.characters.length > 0 ? scene.characters.join(", ") : <span className="muted">—</span>}
            </td>
            <td data-label="Beats">
              {beats.length > 0 ? (
                <ul className="scene-beats" data-testid="scene-beats">
                  {beats.map((beat) => (
                    <li key={beat.id} className={`scene-beat beat-color-${beat.color}`}>
                      {beat.title.trim() || "Untitled beat"}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className="scene-links">
              <ShotLockCounts counts={shotLocks?.get(scene.sceneId)} />
              {scene.sceneId === "" ? (
                <span className="muted">Storyboard after the script syncs</span>
              ) : (
              <Link
                to={withBranch(`${episodePath(projectId, episodeId, "storyboard")}?scene=${encodeURIComponent(scene.sceneId)}`, branchId)}
                data-testid="scene-storyboard-link"
                aria-label={`Storyboard of scene ${scene.number}`}
              >
                Storyboard
              </Link>
              )}
              <Link
                to={`${episodePath(projectId, episodeId, "", branchId)}${scene.sceneId ? `#scene-${encodeURIComponent(scene.sceneId)}` : ""}`}
                data-testid="scene-script-link"
                aria-label={`Scene ${scene.number} in the script`}
              >
                Script
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="scene-totals">
          <th scope="row" colSpan={5}>
            {totals.scenes === 1 ? "1 scene" : `${totals.scenes} scenes`}
            {filtered && <span className="muted"> of {allTotals.scenes}</span>}
          </th>
          <td className="numeric" data-label="Pages" title={describeEighths(totals.eighths)}>
            {formatEighths(totals.eighths)}
          </td>
          <td colSpan={3} className="scene-totals-note muted">
            {filtered ? `of ${formatEighths(allTotals.eighths)} pages` : "pages"}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
