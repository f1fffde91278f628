/**
 * HTML over the canvas: comment pins and regions (clickable, numbered), the region being dragged, other
 * people's pointers with their names, and the text box of the text tool. HTML rather than Konva so pins
 * are real buttons (keyboard, screen readers) and names stay crisp at any zoom.
 */
import { useRef, useState } from "react";
import type { ThreadAnchor } from "@aiuteur/shared";
import { normalisedToScreen, type Point, type Size, type View } from "./geometry";
import type { RemotePointer } from "./livePointers";

export interface Pin {
  threadId: string;
  number: number;
  anchor: Extract<ThreadAnchor, { type: "point" | "region" }> | { type: "pending"; x: number; y: number; w?: number; h?: number };
  resolved: boolean;
}

interface Props {
  frame: Size;
  view: View;
  pins: readonly Pin[];
  activeThreadId: string | null;
  onPinClick(threadId: string): void;
  dragRegion: { x: number; y: number; w: number; h: number } | null;
  pointers: readonly RemotePointer[];
  textAt: Point | null;
  onTextDone(text: string | null): void;
}

export function PanelOverlay({ frame, view, pins, activeThreadId, onPinClick, dragRegion, pointers, textAt, onTextDone }: Props) {
  const screen = (x: number, y: number) => normalisedToScreen({ x, y }, view, frame);
  const box = (r: { x: number; y: number; w: number; h: number }) => {
    const a = screen(r.x, r.y);
    const b = screen(r.x + r.w, r.y + r.h);
    return { left: a.x, top: a.y, width: b.x - a.x, height: b.y - a.y };
  };
  return (
    <div className="panel-overlay">
      {pins.map((pin) => {
        const at = screen(pin.anchor.x, pin.anchor.y);
        const region = "w" in pin.anchor && pin.anchor.w !== undefined ? { ...pin.anchor, w: pin.anchor.w, h: pin.anchor.h ?? 0 } : null;
        const active = pin.threadId === activeThreadId;
        return (
          <div key={pin.threadId}>
            {region && <div className={`panel-region${active ? " is-active" : ""}`} style={box(region)} />}
            <button
              type="button"
              className={`panel-pin${active ? " is-active" : ""}${pin.resolved ? " is-resolved" : ""}`}
              style={{ left: at.x, top: at.y }}
              aria-label={pin.anchor.type === "pending" ? "New comment here" : `Comment ${pin.number}`}
              data-testid="panel-pin"
              onPointerDown={(e) => e.stopPropagation()}
              onClick={() => onPinClick(pin.threadId)}
            >
              {pin.anchor.type === "pending" ? "+" : pin.number}
            </button>
          </div>
        );
      })}
      {dragRegion && <div className="panel-region is-dragging" style={box(dragRegion)} />}
      {pointers.map((p) => {
        const at = screen(p.x, p.y);
        return (
          <div key={p.clientId} className="panel-pointer" style={{ left: at.x, top: at.y, color: p.color }} data-testid="remote-pointer">
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <path d="M1 1 L13 6 L7 7 L6 13 Z" fill="currentColor" stroke="#fff" strokeWidth="1" />
            </svg>
            <span className="panel-pointer-name" style={{ background: p.color }}>
              {p.name}
            </span>
          </div>
        );
      })}
      {textAt && <TextBox at={screen(textAt.x, textAt.y)} onDone={onTextDone} />}
    </div>
  );
}

function TextBox({ at, onDone }: { at: Point; onDone(text: string | null): void }) {
  const [value, setValue] = useState("");
  // Enter then the blur of the removed box would place the text twice.
  const done = useRef(false);
  const finish = (text: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(text !== null && text.trim() === "" ? null : text);
  };
  return (
    <input
      className="panel-text-input"
      style={{ left: at.x, top: at.y }}
      autoFocus
      aria-label="Text to place on the panel (Enter to place, Escape to cancel)"
      data-testid="panel-text-input"
      value={value}
      maxLength={500}
      onPointerDown={(e) => e.stopPropagation()}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") finish(value);
        else if (e.key === "Escape") finish(null);
      }}
      onBlur={() => finish(value)}
    />
  );
}
