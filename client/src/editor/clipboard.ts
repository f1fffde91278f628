/**
 * Line breaks in pasted HTML. The contract has no hardBreak node: a line break is "\n" in the text.
 * Foreign HTML is parsed with whitespace collapsing (its source newlines mean nothing), which would
 * also collapse a "\n" put in place of <br>; so <br> travels as U+2028 LINE SEPARATOR, which HTML
 * parsing leaves alone, and becomes "\n" in the parsed slice.
 */
import { Extension } from "@tiptap/core";
import { Fragment, Slice, type Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";

const LINE_SEPARATOR = "\u2028";

function restoreBreaks(fragment: Fragment): Fragment {
  let changed = false;
  const children: PMNode[] = [];
  fragment.forEach((node) => {
    if (node.isText && node.text!.includes(LINE_SEPARATOR)) {
      changed = true;
      children.push(node.type.schema.text(node.text!.replaceAll(LINE_SEPARATOR, "\n"), node.marks));
    } else if (!node.isLeaf) {
      const content = restoreBreaks(node.content);
      changed ||= content !== node.content;
      children.push(content === node.content ? node : node.copy(content));
    } else {
      children.push(node);
    }
  });
  return changed ? Fragment.from(children) : fragment;
}

export const ClipboardLineBreaks = Extension.create({
  name: "screenplayClipboard",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("screenplayClipboard"),
        props: {
          transformPastedHTML: (html) => html.replace(/<br\s*\/?>/gi, LINE_SEPARATOR),
          transformPasted: (slice) => {
            const content = restoreBreaks(slice.content);
            return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd);
          },
        },
      }),
    ];
  },
});
