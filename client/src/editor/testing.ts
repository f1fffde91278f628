/**
 * Test helpers: a real Tiptap editor in jsdom bound to a real Y.Doc, and ways to drive it the way
 * the browser does (key events through the keymap, text through handleTextInput).
 * Imported by tests only.
 */
import { Editor, type JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { buildScreenplayExtensions, type ScreenplayExtensionOptions } from "./extensions.js";

export function makeEditor(doc: Y.Doc = new Y.Doc(), options: Omit<ScreenplayExtensionOptions, "doc"> = {}): Editor {
  const element = document.createElement("div");
  document.body.append(element);
  const editor = new Editor({ element, extensions: buildScreenplayExtensions({ doc, ...options }) });
  editor.on("destroy", () => element.remove());
  return editor;
}

export interface KeyMods {
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/** Runs a keydown through the editor's key handlers, as a real key press would; true if handled. */
export function press(editor: Editor, key: string, mods: KeyMods = {}): boolean {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...mods });
  return editor.view.someProp("handleKeyDown", (handle) => handle(editor.view, event)) ?? false;
}

/** Types text one character at a time through handleTextInput, falling back to a plain insert. */
export function type(editor: Editor, text: string): void {
  const { view } = editor;
  for (const ch of text) {
    const { from, to } = view.state.selection;
    const insert = () => view.state.tr.insertText(ch, from, to);
    const handled = view.someProp("handleTextInput", (handle) => handle(view, from, to, ch, insert));
    if (!handled) view.dispatch(insert());
  }
}

export type BlockSpec = [type: string, text?: string, attrs?: Record<string, unknown>];

/** Replaces the whole script; blocks are [type, text, attrs]. */
export function setBlocks(editor: Editor, blocks: BlockSpec[]): void {
  const content: JSONContent[] = blocks.map(([type, text = "", attrs]) => ({
    type,
    ...(attrs ? { attrs } : {}),
    ...(text !== "" ? { content: [{ type: "text", text }] } : {}),
  }));
  editor.commands.setContent({ type: "doc", content });
}

export interface BlockView {
  type: string;
  text: string;
  attrs: Record<string, unknown>;
}

export function blocks(editor: Editor): BlockView[] {
  const out: BlockView[] = [];
  editor.state.doc.forEach((node) => out.push({ type: node.type.name, text: node.textContent, attrs: node.attrs }));
  return out;
}

export function types(editor: Editor): string[] {
  return blocks(editor).map((b) => b.type);
}

/** Puts the caret at `offset` in the index-th block (default: at its end). */
export function caretIn(editor: Editor, index: number, offset?: number): void {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += editor.state.doc.child(i).nodeSize;
  const node = editor.state.doc.child(index);
  editor.commands.setTextSelection(pos + 1 + (offset ?? node.content.size));
}

/** Index of the block holding the caret. */
export function caretBlock(editor: Editor): number {
  return editor.state.selection.$from.index(0);
}

/** Two Y.Docs wired like clients of one server, with updates held until flush() (a slow network). */
export function linkedDocs(): { a: Y.Doc; b: Y.Doc; flush(): void } {
  // Fixed client ids: Yjs orders concurrent inserts by client id, so a seeded test replays exactly.
  const a = new Y.Doc();
  a.clientID = 1;
  const b = new Y.Doc();
  b.clientID = 2;
  const queue: Array<{ to: Y.Doc; update: Uint8Array }> = [];
  const remote = Symbol("remote");
  a.on("update", (update: Uint8Array, origin: unknown) => origin !== remote && queue.push({ to: b, update }));
  b.on("update", (update: Uint8Array, origin: unknown) => origin !== remote && queue.push({ to: a, update }));
  return {
    a,
    b,
    flush() {
      while (queue.length > 0) {
        const { to, update } = queue.shift()!;
        Y.applyUpdate(to, update, remote);
      }
    },
  };
}

/** jsdom has no ClipboardEvent; ProseMirror only needs an event object to hand to paste handlers. */
function pasteEvent(): ClipboardEvent {
  return new Event("paste", { bubbles: true, cancelable: true }) as ClipboardEvent;
}

/** Pastes HTML through the editor's real paste path (transformPasted, handlePaste …). */
export function pasteHTML(editor: Editor, html: string): void {
  editor.view.pasteHTML(html, pasteEvent());
}

export function pasteText(editor: Editor, text: string): void {
  editor.view.pasteText(text, pasteEvent());
}

/**
 * jsdom does no layout: Range has no client rects. ProseMirror measures the caret when the page has
 * focus (scrolling, coordsAtPos), so tests that focus the page get zero-sized rectangles.
 */
export function stubLayout(): void {
  const zero = () => new DOMRect(0, 0, 0, 0);
  const none = () => [] as unknown as DOMRectList;
  if (!("getClientRects" in Range.prototype)) {
    Object.assign(Range.prototype, { getClientRects: none, getBoundingClientRect: zero });
  }
}
