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
  /** One account holds MAX_CONNECTIONS_PER_USER document connections already (sent as a refusal reason). */
  tooManyUserConnections: { code: 4430, reason: "too-many-connections-for-user" },
  /** A frame that is not a Hocuspocus message at all (no document name and known message type). */
  malformedMessage: { code: 4402, reason: "malformed-message" },
  /** A document update that does not decode as a Yjs update; nothing of it was stored or applied. */
  malformedUpdate: { code: 4422, reason: "malformed-update" },
  /** The socket kept sending presence (awareness) messages far beyond its budget. */
  awarenessFlood: { code: 4420, reason: "awareness-flood" },
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
  /**
   * Most document connections one account holds at once, over all its sockets and tabs. A director's
   * 300-shot storyboard opens about 330 documents; two such tabs stay well under the default.
   */
  maxConnectionsPerUser: 1000,
  /**
   * Presence (awareness) messages a socket may send: a burst of this many, refilled at
   * awarenessMessagesPerSecond. One caret update per keystroke, and one presence message per document a
   * pooled socket opens (up to 80 at once), fit easily; beyond the budget messages are dropped, and a
   * socket that keeps flooding (a second budget's worth dropped) is closed with awarenessFlood.
   */
  awarenessBurst: 400,
  awarenessMessagesPerSecond: 100,
  /**
   * Presence messages one account may have relayed over all its sockets on one server instance: a burst of
   * this many, refilled at awarenessAccountMessagesPerSecond; beyond it they are dropped (never closed).
   * Without it, an account flooding from many sockets, or reconnecting after each awarenessFlood close,
   * buys a fresh socket budget every time. Three storyboard tabs announcing presence at once fit the burst.
   */
  awarenessAccountBurst: 1200,
  awarenessAccountMessagesPerSecond: 200,
  /** Largest .fountain upload. */
  maxFountainBytes: 2 * 1024 * 1024,
  /** Largest JSON request body. */
  maxJsonBodyBytes: 4 * 1024 * 1024,
} as const;
