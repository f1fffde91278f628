/**
 * The project's render settings: resolution, clip format and who draws the panels (the built-in renderer
 * or an AI provider). Owners and directors change them (every locked shot then renders again as needed);
 * everyone else sees what applies. A provider this server has not configured is named as such, since
 * its renders would fail.
 */
import { useState } from "react";
import { canLock, CLIP_FORMATS, RENDER_PROVIDERS, RENDER_RESOLUTIONS, type RenderSettingsInfo, type Role } from "@aiuteur/shared";
import { api, messageOf } from "../app/api";
import { useResource } from "../app/hooks/useResource";
import "./render.css";

type Patch = Partial<Pick<RenderSettingsInfo, "renderResolution" | "renderProvider" | "renderFormat">>;

const FORMAT_NAMES: Record<(typeof CLIP_FORMATS)[number], string> = { mp4: "MP4 (H.264)", webm: "WebM (VP9) and MP4" };
const PROVIDER_LABELS: Record<(typeof RENDER_PROVIDERS)[number], string> = {
  builtin: "Built-in renderer",
  "openai-images": "OpenAI-compatible images API",
  comfyui: "ComfyUI",
};
const RESOLUTION_NAMES: Record<keyof typeof RENDER_RESOLUTIONS, string> = { "720p": "720p (1280×720)", "1080p": "1080p (1920×1080)" };

interface SettingSelectProps {
  label: string;
  value: string;
  /** [value, label] pairs. */
  options: [string, string][];
  disabled: boolean;
  onChange(value: string): void;
  testId: string;
}

function SettingSelect({ label, value, options, disabled, onChange, testId }: SettingSelectProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {options.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RenderSettingsPanel({ projectId, role }: { projectId: string; role: Role | null }) {
  const settings = useResource(`render-settings:${projectId}`, (signal) => api.getRenderSettings(projectId, signal));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = canLock(role);
  const current = settings.data;
  // Offline or an older server: the shot pages still show renders; nothing to add here.
  if (!current) return null;

  const save = async (patch: Patch) => {
    setSaving(true);
    setError(null);
    try {
      settings.setData(await api.updateRenderSettings(projectId, patch));
    } catch (cause) {
      setError(`Couldn't change the render settings: ${messageOf(cause)}`);
    } finally {
      setSaving(false);
    }
  };
  const configured = (id: string) => current.providers.find((p) => p.id === id)?.configured ?? false;

  return (
    <section className="panel render-settings" aria-labelledby="render-settings-heading" data-testid="render-settings">
      <h2 id="render-settings-heading">Renders</h2>
      <div className="render-settings-fields">
        <SettingSelect
          label="Resolution"
          value={current.renderResolution}
          options={Object.entries(RESOLUTION_NAMES)}
          disabled={!editable || saving}
          onChange={(value) => void save({ renderResolution: value as Patch["renderResolution"] })}
          testId="render-setting-resolution"
        />
        <SettingSelect
          label="Clips"
          value={current.renderFormat}
          options={CLIP_FORMATS.map((id) => [id, FORMAT_NAMES[id]])}
          disabled={!editable || saving}
          onChange={(value) => void save({ renderFormat: value as Patch["renderFormat"] })}
          testId="render-setting-format"
        />
        <SettingSelect
          label="Panels drawn by"
          value={current.renderProvider}
          options={RENDER_PROVIDERS.map((id) => [id, `${PROVIDER_LABELS[id]}${configured(id) ? "" : " (not configured on this server)"}`])}
          disabled={!editable || saving}
          onChange={(value) => void save({ renderProvider: value as Patch["renderProvider"] })}
          testId="render-setting-provider"
        />
      </div>
      <p className="muted">
        {editable
          ? "Changing these renders every locked shot again. Provider keys and addresses are set on the server, never here."
          : "Owners and directors choose how shots are rendered."}
      </p>
      {!configured(current.renderProvider) && (
        <p className="render-warning" role="alert">
          {PROVIDER_LABELS[current.renderProvider]} is not configured on this server: renders will fail until it is.
        </p>
      )}
      {error && (
        <p className="render-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
