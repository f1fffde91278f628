/** Typing "@" in a comment offers the right people and writes a mention the thread will recognise. */
import { describe, expect, it } from "vitest";
import { findMentions } from "@aiuteur/shared";
import { insertMention, matchMembers, mentionQueryAt, splitMentions } from "./mentions";

const members = [
  { id: "u-ana", name: "Ana Maria" },
  { id: "u-an", name: "Ana" },
  { id: "u-bo", name: "Bo Lindqvist" },
  { id: "u-cy", name: "Cyril Banks" },
];

describe("mention autocomplete", () => {
  it("opens on an @ at a word start and follows what is typed, spaces included", () => {
    expect(mentionQueryAt("Nice @", 6)).toEqual({ start: 5, query: "" });
    expect(mentionQueryAt("@An", 3)).toEqual({ start: 0, query: "An" });
    expect(mentionQueryAt("hey @Ana Ma", 11)).toEqual({ start: 4, query: "Ana Ma" });
  });

  it("stays closed inside an e-mail address, after a line break or with nothing typed yet", () => {
    expect(mentionQueryAt("mail ana@example.com", 20)).toBeNull();
    expect(mentionQueryAt("@Ana\nnext", 9)).toBeNull();
    expect(mentionQueryAt("no at sign", 5)).toBeNull();
    expect(mentionQueryAt("@ space", 7)).toBeNull();
  });

  it("lists names starting with the query first, then names with a word starting with it", () => {
    expect(matchMembers(members, "an").map((m) => m.id)).toEqual(["u-an", "u-ana"]);
    expect(matchMembers(members, "b").map((m) => m.id)).toEqual(["u-bo", "u-cy"]);
    expect(matchMembers(members, "lind").map((m) => m.id)).toEqual(["u-bo"]);
    expect(matchMembers(members, "zz")).toEqual([]);
  });

  it("replaces the typed query with the full name, and the thread finds the mention in the text", () => {
    const text = "Ask @bo about this";
    const query = mentionQueryAt(text, 7)!;
    const result = insertMention(text, query, 7, members[2]!);
    expect(result.text).toBe("Ask @Bo Lindqvist about this");
    expect(result.text.slice(0, result.caret)).toBe("Ask @Bo Lindqvist ");
    expect(findMentions(result.text, members)).toEqual(["u-bo"]);
  });

  it("marks mentions of members in a message, longest name first, ignoring e-mail addresses", () => {
    const segments = splitMentions("@Ana Maria and @ana, not x@Ana or @Anaïs", members);
    expect(segments.filter((s) => s.mention).map((s) => [s.text, s.mention && s.userId])).toEqual([
      ["@Ana Maria", "u-ana"],
      ["@ana", "u-an"],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe("@Ana Maria and @ana, not x@Ana or @Anaïs");
  });
});
