import type { HocuspocusProvider } from "@hocuspocus/provider";
import { usePresence } from "../hooks/usePresence";

/** Everyone with this script open: a colour dot (their caret colour) and their name. */
export function PresenceList({ provider }: { provider: HocuspocusProvider | null }) {
  const users = usePresence(provider);
  return (
    <ul className="presence-list" data-testid="presence-list" aria-label="People in this script">
      {users.map((user) => (
        <li key={user.key} className="presence-user" data-testid="presence-user" title={user.isSelf ? `${user.name} (you)` : user.name}>
          <span className="presence-dot" style={{ backgroundColor: user.color }} aria-hidden="true" />
          <span className="presence-name">
            {user.name}
            {user.isSelf && <span className="presence-self"> (you)</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
