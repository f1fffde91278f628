/** SMPTE non-drop-frame timecode (HH:MM:SS:FF) of a frame count, for the EDL and the FCP7 sequence start. */
export function frameTimecode(frame: number, fps: number): string {
  const whole = Math.max(0, Math.round(frame));
  const ff = whole % fps;
  const totalSeconds = Math.floor(whole / fps);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}:${pad(ff)}`;
}
