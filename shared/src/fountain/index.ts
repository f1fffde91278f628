/**
 * Fountain 1.1 (https://fountain.io/syntax) import and export.
 *
 * Conventions where Fountain and the screenplay model do not map one to one:
 * - Shot: Fountain has no shot element. An all-caps line standing alone (blank lines around it) that
 *   begins with a camera term (ANGLE ON, CLOSE ON, CLOSE UP, CLOSE-UP, WIDE ON, WIDE SHOT, INSERT,
 *   POV, BACK TO SCENE, ESTABLISHING, OVERHEAD, TRACKING, REVERSE ANGLE, EXTREME CLOSE) is a `shot`.
 *   The writer exports shots in capitals as that line; a shot whose text does not begin with a
 *   camera term (or spans lines) cannot be told from action and is exported as action. Action that
 *   looks like a shot is forced with "!".
 * - Notes: a paragraph that is only a [[note]] is a `note` block; a note inside other text is a run
 *   with the `note` mark. Notes may span lines, not blank lines ("  " lines are fine).
 * - Boneyard: /* … *\/ on lines of its own is a `note` block with attrs.boneyard and the raw text;
 *   a boneyard inside a line becomes an inline note (its words kept verbatim).
 * - Blank lines: each blank line beyond the one separating two paragraphs is an empty action block.
 * - Parentheticals keep their parentheses in the text, as the editor does.
 * - Title page values are kept as raw strings (emphasis markup included).
 */
export { FountainError } from "./errors.js";
export { parseFountain } from "./parser.js";
export { writeFountain } from "./writer.js";
