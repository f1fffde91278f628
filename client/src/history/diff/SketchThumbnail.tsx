/**
 * A shot's sketch as a small picture (the same SVG the storyboard grid draws), over its reference image
 * when there is one and a project to fetch it from.
 */
import type * as Y from "yjs";
import { readShotFields, readStrokes, SKETCH_ARRAY, strokesToSvg } from "@aiuteur/shared";
import { useAssetUrl } from "../../app/hooks/useAssetUrl";
import { useDocValue } from "../../scenes/useDocValue";

const WIDTH = 256;
const HEIGHT = 144;

const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
const onWhite = (doc: Y.Doc) => svgUrl(strokesToSvg(readStrokes(doc.getArray(SKETCH_ARRAY)), WIDTH, HEIGHT));
const onImage = (doc: Y.Doc) => svgUrl(strokesToSvg(readStrokes(doc.getArray(SKETCH_ARRAY)), WIDTH, HEIGHT, "none"));
const referenceOf = (doc: Y.Doc) => readShotFields(doc).referenceImage;

interface Props {
  doc: Y.Doc;
  caption: string;
  /** What the picture shows, for screen readers ("Sketch, 12 strokes"). */
  description: string;
  projectId?: string | undefined;
}

export function SketchThumbnail({ doc, caption, description, projectId }: Props) {
  const referenceImage = useDocValue(doc, referenceOf);
  const reference = useAssetUrl(projectId ?? "", projectId ? referenceImage : null);
  const sketch = useDocValue(doc, reference ? onImage : onWhite);
  return (
    <figure className="shot-diff-sketch" data-testid="shot-diff-sketch">
      <div className="shot-diff-frame">
        {reference && <img className="shot-diff-reference" src={reference} alt="" />}
        {sketch && <img className="shot-diff-strokes" src={sketch} alt={description} width={WIDTH} height={HEIGHT} />}
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
