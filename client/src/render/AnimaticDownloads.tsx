/** The animatic's files: the MP4 and the edit for an NLE (OpenTimelineIO, FCP7 XML for Premiere/Resolve, CMX3600 EDL). */
import type { AnimaticArtifacts } from "@aiuteur/shared";
import { withAccessToken } from "./artifactLinks";

const FORMATS: { kind: keyof AnimaticArtifacts; label: string; hint: string }[] = [
  { kind: "mp4", label: "MP4", hint: "the animatic video" },
  { kind: "otio", label: "OTIO", hint: "OpenTimelineIO" },
  { kind: "fcpxml", label: "FCP7 XML", hint: "Premiere, Resolve" },
  { kind: "edl", label: "EDL", hint: "CMX3600, any editor" },
];

export function AnimaticDownloads({ artifacts, token }: { artifacts: AnimaticArtifacts; token: string | null }) {
  const present = FORMATS.filter((format) => artifacts[format.kind]);
  if (present.length === 0) return null;
  return (
    <nav className="animatic-downloads" aria-label="Download the animatic">
      {present.map((format) => (
        <a
          key={format.kind}
          className="button-secondary"
          href={withAccessToken(artifacts[format.kind]!, token)}
          download
          title={format.hint}
          data-testid={`animatic-download-${format.kind}`}
        >
          ⤓ {format.label}
        </a>
      ))}
    </nav>
  );
}
