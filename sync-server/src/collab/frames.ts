/**
 * The envelope of every Hocuspocus frame: a document name (varString) then a message type (varUint).
 * Reading it before Hocuspocus does lets the socket layer refuse what is not a message at all with a
 * typed close code, instead of Hocuspocus's generic "Unauthorized" (4401, which our clients read as
 * "your role changed"), and lets it budget presence messages.
 */
import * as decoding from "lib0/decoding";

/** Hocuspocus's MessageType values a client may send or receive (Sync … Pong). */
const LARGEST_MESSAGE_TYPE = 10;
const SYNC = 0;
// Awareness updates and awareness queries: what a presence flood sends.
export const AWARENESS_MESSAGE_TYPES: ReadonlySet<number> = new Set([1, 3]);

export interface FrameHeader {
  documentName: string;
  type: number;
}

/** The frame's header, or null when the bytes are not a Hocuspocus message. */
export function readFrameHeader(bytes: Uint8Array): FrameHeader | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const documentName = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    // An empty or malformed document name is a well-formed frame: authentication refuses it by name.
    if (type > LARGEST_MESSAGE_TYPE) return null;
    // A sync message is its step and one length-prefixed payload: a frame cut short fails here, rather
    // than inside Hocuspocus, which would only close the one document and leave the socket half-open.
    if (type === SYNC) {
      decoding.readVarUint(decoder);
      decoding.readVarUint8Array(decoder);
    }
    return { documentName, type };
  } catch {
    return null;
  }
}
