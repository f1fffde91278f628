/**
 * An entry's reference images: thumbnails (fetched with the session, cached for offline), remove, and
 * upload. The file is checked against the server's limits first, so a wrong type or a huge photo gets a
 * clear message at once instead of a failed upload.
 */
import { useId, useState, type ChangeEvent } from "react";
import { ASSET_LIMITS } from "@aiuteur/shared";
import { api, messageOf } from "../app/api";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { useAssetUrl } from "../app/hooks/useAssetUrl";
import { imageProblem } from "./imageUpload";

interface Props {
  projectId: string;
  name: string;
  images: readonly string[];
  editable: boolean;
  /** Adds an uploaded image to the entry (creating the entry first if needed). */
  onAdd(assetId: string): void;
  onRemove(assetId: string): void;
}

export function RegistryImages({ projectId, name, images, editable, onAdd, onRemove }: Props) {
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const problem = imageProblem(file);
    setError(problem);
    if (problem) return;
    setUploading(true);
    try {
      const asset = await api.uploadAsset(projectId, file);
      onAdd(asset.id);
    } catch (caught) {
      setError(`Couldn't upload “${file.name}”: ${messageOf(caught)}`);
    } finally {
      setUploading(false);
    }
  };

  if (!editable && images.length === 0) return null;
  return (
    <div className="registry-images">
      {images.length > 0 && (
        <ul className="registry-thumbs" aria-label={`Reference images of ${name}`}>
          {images.map((assetId, index) => (
            <Thumbnail
              key={assetId}
              projectId={projectId}
              assetId={assetId}
              label={`${name}, reference image ${index + 1}`}
              editable={editable}
              onRemove={() => onRemove(assetId)}
            />
          ))}
        </ul>
      )}
      {editable && (
        <div className="registry-upload">
          <input
            id={inputId}
            type="file"
            accept={ASSET_LIMITS.contentTypes.join(",")}
            className="registry-file-input"
            data-testid="registry-image-input"
            aria-label={`Add a reference image of ${name}`}
            disabled={uploading}
            onChange={(event) => void onFile(event)}
          />
          <label htmlFor={inputId} className={`button-secondary registry-upload-button${uploading ? " busy" : ""}`}>
            {uploading ? "Uploading…" : "Add image"}
          </label>
        </div>
      )}
      <ErrorMessage message={error} />
    </div>
  );
}

function Thumbnail(props: { projectId: string; assetId: string; label: string; editable: boolean; onRemove(): void }) {
  const url = useAssetUrl(props.projectId, props.assetId);
  return (
    <li className="registry-thumb" data-testid="registry-image">
      {url ? <img src={url} alt={props.label} /> : <span className="registry-thumb-missing" role="img" aria-label={`${props.label} (not loaded)`}>…</span>}
      {props.editable && (
        <button
          type="button"
          className="registry-thumb-remove"
          aria-label={`Remove ${props.label}`}
          data-testid="registry-image-remove"
          onClick={props.onRemove}
        >
          ×
        </button>
      )}
    </li>
  );
}
