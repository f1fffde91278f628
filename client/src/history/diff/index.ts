/** Comparing versions: a script or a shot against another state, and a version shown read-only. */
export { ScriptDiffView, type ScriptDiffViewProps } from "./ScriptDiffView";
export { ShotDiffView, type ShotDiffViewProps } from "./ShotDiffView";
export { ReadOnlyScriptView, type ReadOnlyScriptViewProps } from "./ReadOnlyScriptView";
