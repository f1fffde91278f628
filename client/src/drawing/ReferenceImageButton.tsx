/**
 * "Add reference image": checks the file's type and size against what the server accepts before
 * uploading (a clear message beats a refused upload), uploads it, then points the shot at the new asset.
 */
import { useId, useState, type ChangeEvent } from "react";
import type * as Y from "yjs";
import { ASSET_LIMITS, writeShotFields } from "@aiuteur/shared";
import { api, messageOf } from "../app/api";
import { ErrorMessage } from "../app/components/ErrorMessage";

/** The problem with a chosen file, or null when it may be uploaded. */
export function referenceImageProblem(file: { type: string; size: number; name: string }): string | null {
  if (!(ASSET_LIMITS.contentTypes as readonly string[]).includes(file.type)) {
    return `“${file.name}” isn't a PNG, JPEG, WebP or GIF image.`;
  }
  if (file.size > ASSET_LIMITS.maxBytes) {
    const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
    return `“${file.name}” is ${mb(file.size)}; reference images can be at most ${mb(ASSET_LIMITS.maxBytes)}.`;
  }
  return null;
}

export function ReferenceImageButton({ projectId, doc, hasImage }: { projectId: string; doc: Y.Doc; hasImage: boolean }) {
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const fileProblem = referenceImageProblem(file);
    setProblem(fileProblem);
    if (fileProblem) return;
    setBusy(true);
    try {
      const asset = await api.uploadAsset(projectId, file);
      writeShotFields(doc, { referenceImage: asset.id });
    } catch (error) {
      setProblem(`The image could not be uploaded: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reference-image-control">
      <input id={inputId} type="file" accept={ASSET_LIMITS.contentTypes.join(",")} className="reference-image-input" onChange={(e) => void onFile(e)} data-testid="reference-image-input" />
      <label htmlFor={inputId} className="button-secondary reference-image-button" aria-busy={busy}>
        {busy ? "Uploading…" : hasImage ? "Replace reference image" : "Add reference image"}
      </label>
      {hasImage && !busy && (
        <button type="button" className="button-quiet" onClick={() => writeShotFields(doc, { referenceImage: "" })}>
          Remove image
        </button>
      )}
      <ErrorMessage message={problem} />
    </div>
  );
}
