/**
 * The wire contract between clients and the sync server: protocol version, WebSocket close codes and the
 * limits that trigger them. Close codes are in the 4000–4999 range reserved for applications.
 */
export const PROTOCOL_VERSION = 1;

/** Query parameter the client adds to the WebSocket URL so an outdated client is refused clearly. */
export const PROTOCOL_PARAM = "protocol";

export const CLOSE_CODES = {
  /** The client speaks an older or newer protocol than the server: reload the app. */
  protocolMismatch: { code: 4400, reason: "protocol-mismatch" },
  /** The member's role changed or they were removed: reconnect to authenticate with the new rights. */
  permissionsChanged: { code: 4401, reason: "permissions-changed" },
  /** A single message exceeded MAX_MESSAGE_BYTES. */
  messageTooLarge: { code: 4413, reason: "message-too-large" },
  /** The document would grow beyond MAX_DOCUMENT_BYTES. */
  documentTooLarge: { code: 4414, reason: "document-too-large" },
  /** Too many connections to one document. */
  tooManyConnections: { code: 4429, reason: "too-many-connections" },
  /** The server could not store the update; the client keeps it and resends after reconnecting. */
  storageUnavailable: { code: 4503, reason: "storage-unavailable" },
} as const;

/** Reasons sent with a refused authentication (Hocuspocus permission-denied message). */
export const AUTH_REFUSALS = {
  badToken: "invalid-token",
  badDocumentName: "unknown-document",
  notMember: "not-a-member",
  noSuchDocument: "no-such-document",
} as const;

export const LIMITS = {
  /** Largest single WebSocket message the server accepts. */
  maxMessageBytes: 4 * 1024 * 1024,
  /** Largest encoded document state the server keeps. */
  maxDocumentBytes: 32 * 1024 * 1024,
  /** Most simultaneous connections to one document. */
  maxConnectionsPerDocument: 200,
  /** Largest .fountain upload. */
  maxFountainBytes: 2 * 1024 * 1024,
  /** Largest JSON request body. */
  maxJsonBodyBytes: 4 * 1024 * 1024,
} as const;
