/**
 * One registry item: its name, where it appears, a description co-edited live and reference images.
 * A derived character or location has no entry until someone writes about it: focusing the description
 * (or adding an image) creates the entry, under the id every replica derives from the name.
 */
import { useMemo } from "react";
import type * as Y from "yjs";
import { addRegistryImage, ensureRegistryEntry, removeRegistryEntry, removeRegistryImage } from "@aiuteur/shared";
import { YTextArea } from "../app/collab/YTextArea";
import type { RegistryItem } from "./mergeRegistry";
import { RegistryImages } from "./RegistryImages";
import { entryDescription } from "./registryText";

interface Props {
  doc: Y.Doc;
  projectId: string;
  item: RegistryItem;
  editable: boolean;
}

export function RegistryCard({ doc, projectId, item, editable }: Props) {
  const hasEntry = item.entry !== null;
  // Re-read when the entry appears (hasEntry flips); the Y.Text then lives as long as the entry.
  const description = useMemo(() => (hasEntry ? entryDescription(doc, item.id) : null), [doc, item.id, hasEntry]);
  const ensure = () => ensureRegistryEntry(doc, item.kind, item.name, item.id);
  const handMade = item.episodes.length === 0;

  return (
    <li className="registry-card" data-testid="registry-item" data-kind={item.kind} data-name={item.name}>
      <div className="registry-card-head">
        <h3 className="registry-name">{item.name}</h3>
        {editable && handMade && hasEntry && (
          <button
            type="button"
            className="button-quiet registry-remove"
            aria-label={`Remove ${item.name} from the registry`}
            data-testid="registry-remove"
            onClick={() => {
              if (window.confirm(`Remove “${item.name}” and its description and images from the registry?`)) {
                removeRegistryEntry(doc, item.id);
              }
            }}
          >
            Remove
          </button>
        )}
      </div>
      <p className="registry-where muted">
        {item.episodes.length > 0 ? `In ${item.episodes.join(", ")}` : item.kind === "character" || item.kind === "location" ? "Not in any script now" : "Added by hand"}
      </p>
      <div
        className="registry-description-wrap"
        onFocusCapture={() => {
          if (editable && !hasEntry) ensure();
        }}
      >
        <YTextArea
          text={description}
          readOnly={!editable}
          rows={2}
          className="registry-description"
          placeholder={editable ? "Description, look, notes for casting…" : "No description yet."}
          aria-label={`Description of ${item.name}`}
          data-testid="registry-description"
        />
      </div>
      <RegistryImages
        projectId={projectId}
        name={item.name}
        images={item.entry?.images ?? []}
        editable={editable}
        onAdd={(assetId) => {
          ensure();
          addRegistryImage(doc, item.id, assetId);
        }}
        onRemove={(assetId) => removeRegistryImage(doc, item.id, assetId)}
      />
    </li>
  );
}
