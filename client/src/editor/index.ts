/** The screenplay editor: component, extension list and derived scene data. */
export { ScreenplayEditor, type ScreenplayEditorProps } from "./ScreenplayEditor.js";
export { SceneNavigator, goToScene, type SceneNavigatorProps } from "./SceneNavigator.js";
export {
  buildScreenplayExtensions,
  EMPTY_SCRIPT_PLACEHOLDER,
  type AwarenessProvider,
  type ScreenplayExtensionOptions,
  type ScreenplayUser,
} from "./extensions.js";
export { deriveScenes, sceneAt, type SceneInfo } from "./scenes.js";
export { scenesOf } from "./sceneNumbers.js";
export { currentElement } from "./elements.js";
export { INLINE_NOTE_MARK } from "./marks.js";
export { ELEMENT_LABELS, ELEMENT_SHORTCUTS } from "./shortcuts.js";
export { cueName, characterNames } from "./suggestSources.js";
