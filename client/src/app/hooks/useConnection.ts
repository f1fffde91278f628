/**
 * What the sync server decided about this connection: the authorised scope (read-write or readonly),
 * an authentication refusal, or a typed close (shared/protocol.ts), turned into words for the writer.
 */
import { useEffect, useState } from "react";
import type {
  AuthorizedScope,
  HocuspocusProvider,
  onAuthenticatedParameters,
  onAuthenticationFailedParameters,
  onCloseParameters,
} from "@hocuspocus/provider";
import { AUTH_REFUSALS, CLOSE_CODES, LIMITS } from "@aiuteur/shared";

export type ConnectionProblem =
  | { kind: "auth"; reason: string; message: string; signInAgain: boolean }
  | { kind: "close"; code: number; message: string; reload: boolean };

export interface ConnectionState {
  scope: AuthorizedScope | null;
  problem: ConnectionProblem | null;
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function authProblem(reason: string): ConnectionProblem {
  switch (reason) {
    case AUTH_REFUSALS.badToken:
      return {
        kind: "auth",
        reason,
        signInAgain: true,
        message: "Your session has expired. Sign in again to sync — your changes are kept on this device.",
      };
    case AUTH_REFUSALS.notMember:
      return { kind: "auth", reason, signInAgain: false, message: "You are not a member of this project, so this script can't sync." };
    case AUTH_REFUSALS.badDocumentName:
    case AUTH_REFUSALS.noSuchDocument:
      return { kind: "auth", reason, signInAgain: false, message: "This script no longer exists on the server." };
    case CLOSE_CODES.tooManyUserConnections.reason:
      return {
        kind: "auth",
        reason,
        signInAgain: false,
        message: "Your account has too many documents open at once. Close some tabs, then reload — your changes are kept on this device.",
      };
    default:
      return { kind: "auth", reason, signInAgain: false, message: `The server refused the connection (${reason || "no reason given"}).` };
  }
}

/**
 * Null for ordinary closes (network drops), which the sync indicator already covers. The server may end
 * a whole socket with a close code, or close one document on a shared socket with a CLOSE message whose
 * reason is the code's name (the provider reports those as code 1000): both are recognised.
 */
export function closeProblem(code: number, reason = ""): ConnectionProblem | null {
  const known = Object.values(CLOSE_CODES).find((c) => c.code === code || (reason !== "" && c.reason === reason));
  if (!known) return null;
  const c = known.code;
  switch (c) {
    case CLOSE_CODES.protocolMismatch.code:
      return { kind: "close", code: c, reload: true, message: "Aiuteur has been updated. Reload the page to keep working — your changes are kept on this device." };
    case CLOSE_CODES.messageTooLarge.code:
      return { kind: "close", code: c, reload: false, message: `A change was too large to send (limit ${mb(LIMITS.maxMessageBytes)}). It is kept on this device.` };
    case CLOSE_CODES.documentTooLarge.code:
      return { kind: "close", code: c, reload: false, message: `This script has reached the largest size the server keeps (${mb(LIMITS.maxDocumentBytes)}). New changes stay on this device.` };
    case CLOSE_CODES.tooManyConnections.code:
      return { kind: "close", code: c, reload: false, message: "Too many people have this script open right now. Retrying…" };
    case CLOSE_CODES.malformedMessage.code:
    case CLOSE_CODES.malformedUpdate.code:
      return { kind: "close", code: c, reload: true, message: "The server could not read a change from this tab. Reload the page to keep working." };
    case CLOSE_CODES.awarenessFlood.code:
      return { kind: "close", code: c, reload: false, message: "This tab sent presence updates too fast and was disconnected. Reconnecting…" };
    case CLOSE_CODES.storageUnavailable.code:
      return { kind: "close", code: c, reload: false, message: "The server could not save just now. Your changes are kept and will be sent again." };
    default:
      return null;
  }
}

/** A successful authentication or sync ends every problem except an outdated client. */
function lasting(problem: ConnectionProblem | null): ConnectionProblem | null {
  return problem?.kind === "close" && problem.reload ? problem : null;
}

export function useConnection(provider: HocuspocusProvider | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>({ scope: null, problem: null });

  useEffect(() => {
    setState({ scope: provider?.authorizedScope ?? null, problem: null });
    if (provider === null) return;
    const onAuthenticated = ({ scope }: onAuthenticatedParameters) =>
      setState((prev) => ({ scope, problem: lasting(prev.problem) }));
    const onFailed = ({ reason }: onAuthenticationFailedParameters) =>
      setState((prev) => ({ ...prev, problem: authProblem(reason) }));
    const onClose = ({ event }: onCloseParameters) => {
      const problem = closeProblem(event?.code ?? 0, event?.reason ?? "");
      if (problem) setState((prev) => ({ ...prev, problem }));
    };
    const onSynced = () => setState((prev) => (prev.problem === lasting(prev.problem) ? prev : { ...prev, problem: null }));
    provider.on("authenticated", onAuthenticated);
    provider.on("authenticationFailed", onFailed);
    provider.on("close", onClose);
    provider.on("synced", onSynced);
    return () => {
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", onFailed);
      provider.off("close", onClose);
      provider.off("synced", onSynced);
    };
  }, [provider]);

  return state;
}
