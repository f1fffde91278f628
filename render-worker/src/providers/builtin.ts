/** The built-in renderer needs no AI frame: the sketch is drawn over the panel's reference image, if any. */
import type { RenderProvider } from "./types.js";

export function createBuiltinProvider(): RenderProvider {
  return { id: "builtin", generateFrame: async () => null };
}
