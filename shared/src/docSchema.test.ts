import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { latestSchemaVersion, migrateDocument, MIGRATIONS, schemaVersionOf } from "./docSchema.js";
import { SCREENPLAY_FRAGMENT } from "./screenplay/nodes.js";

function heading(doc: Y.Doc, sceneId?: string): Y.XmlElement {
  const el = new Y.XmlElement("sceneHeading");
  if (sceneId) el.setAttribute("sceneId", sceneId);
  el.insert(0, [new Y.XmlText("INT. ROOM - DAY")]);
  const fragment = doc.getXmlFragment(SCREENPLAY_FRAGMENT);
  fragment.insert(fragment.length, [el]);
  return el;
}

describe("document schema migrations", () => {
  it("runs every migration of every kind on an unversioned document, once", () => {
    for (const [kind, migrations] of Object.entries(MIGRATIONS)) {
      const doc = new Y.Doc();
      const ran = migrateDocument(doc, kind as keyof typeof MIGRATIONS);
      expect(ran).toEqual(migrations.map((m) => m.name));
      expect(schemaVersionOf(doc)).toBe(latestSchemaVersion(kind as keyof typeof MIGRATIONS));
      expect(migrateDocument(doc, kind as keyof typeof MIGRATIONS)).toEqual([]);
    }
  });

  it("gives scene headings without an id, or with a duplicated one, a fresh id and keeps unique ones", () => {
    const doc = new Y.Doc();
    const kept = heading(doc, "keepkeepkeepkeep");
    const missing = heading(doc);
    const duplicate = heading(doc, "keepkeepkeepkeep");
    migrateDocument(doc, "script");
    expect(kept.getAttribute("sceneId")).toBe("keepkeepkeepkeep");
    expect(missing.getAttribute("sceneId")).toMatch(/^[a-z2-7]{16}$/);
    expect(duplicate.getAttribute("sceneId")).toMatch(/^[a-z2-7]{16}$/);
    expect(duplicate.getAttribute("sceneId")).not.toBe("keepkeepkeepkeep");
  });

  it("converges when two replicas migrate the same old document concurrently", () => {
    const a = new Y.Doc();
    heading(a);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migrateDocument(a, "script");
    migrateDocument(b, "script");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getXmlFragment(SCREENPLAY_FRAGMENT).toString()).toBe(b.getXmlFragment(SCREENPLAY_FRAGMENT).toString());
    expect(schemaVersionOf(a)).toBe(schemaVersionOf(b));
  });
});
