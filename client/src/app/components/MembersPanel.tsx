/**
 * Who is on the project and in what role. Owners and directors add people by email and change roles;
 * the role choices come from shared/roles (a director cannot make an owner). The server re-checks all.
 */
import { useState } from "react";
import { FIELD_LIMITS, canManageMembers, rolesAssignableBy, type MemberInfo, type ProjectInfo, type Role } from "@aiuteur/shared";
import { api, messageOf } from "../api";
import { useFormSubmit } from "../hooks/useFormSubmit";
import { useResource } from "../hooks/useResource";
import { ErrorMessage } from "./ErrorMessage";
import { ROLE_LABELS, RoleBadge } from "./RoleBadge";
import { TextField } from "./TextField";

interface Props {
  project: ProjectInfo;
  currentUserId: string;
}

export function MembersPanel({ project, currentUserId }: Props) {
  const members = useResource(`members:${project.id}`, (signal) => api.listMembers(project.id, signal));
  const [error, setError] = useState<string | null>(null);
  const manages = canManageMembers(project.role);
  const assignable = rolesAssignableBy(project.role);

  const replace = (member: MemberInfo) =>
    members.setData((list) => (list ?? []).map((m) => (m.user.id === member.user.id ? member : m)));

  async function changeRole(member: MemberInfo, role: Role) {
    setError(null);
    try {
      const updated = await api.updateMember(project.id, member.user.id, role);
      replace(updated?.user ? updated : { ...member, role });
    } catch (cause) {
      setError(`Couldn't change ${member.user.displayName}'s role: ${messageOf(cause)}`);
    }
  }

  async function remove(member: MemberInfo) {
    if (!window.confirm(`Remove ${member.user.displayName} from “${project.title}”?`)) return;
    setError(null);
    try {
      await api.removeMember(project.id, member.user.id);
      members.setData((list) => (list ?? []).filter((m) => m.user.id !== member.user.id));
    } catch (cause) {
      setError(`Couldn't remove ${member.user.displayName}: ${messageOf(cause)}`);
    }
  }

  // Changing your own role or someone above your reach is left to the server's refusal path: hide it.
  const editable = (member: MemberInfo) =>
    manages && member.user.id !== currentUserId && assignable.includes(member.role);

  return (
    <section className="panel members-panel" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {members.loading && <p className="muted">Loading members…</p>}
      <ErrorMessage message={members.error ? messageOf(members.error) : null} />
      <ErrorMessage message={error} />
      {members.data && (
        <ul className="member-list">
          {members.data.map((member) => (
            <li key={member.user.id} className="member-row" data-testid="member-row">
              <span className="member-who">
                <span className="member-name">
                  {member.user.displayName}
                  {member.user.id === currentUserId && <span className="muted"> (you)</span>}
                </span>
                <span className="member-email">{member.user.email}</span>
              </span>
              {editable(member) ? (
                <span className="member-controls">
                  <select
                    aria-label={`Role of ${member.user.displayName}`}
                    value={member.role}
                    onChange={(e) => void changeRole(member, e.target.value as Role)}
                  >
                    {assignable.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => void remove(member)}
                    aria-label={`Remove ${member.user.displayName}`}
                  >
                    Remove
                  </button>
                </span>
              ) : (
                <RoleBadge role={member.role} />
              )}
            </li>
          ))}
        </ul>
      )}
      {manages && (
        <AddMemberForm
          projectId={project.id}
          roles={assignable}
          onAdded={(member) => members.setData((list) => [...(list ?? []).filter((m) => m.user.id !== member.user.id), member])}
        />
      )}
    </section>
  );
}

function AddMemberForm({ projectId, roles, onAdded }: { projectId: string; roles: readonly Role[]; onAdded(member: MemberInfo): void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("writer") ? "writer" : (roles[0] ?? "viewer"));
  const form = useFormSubmit(async () => {
    onAdded(await api.addMember(projectId, email.trim(), role));
    setEmail("");
  });

  return (
    <form className="add-member-form" onSubmit={form.onSubmit} noValidate>
      <h3>Add a member</h3>
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        placeholder="colleague@example.com"
        maxLength={FIELD_LIMITS.email}
        value={email}
        onValue={setEmail}
        testId="member-email"
      />
      <label className="field">
        <span>Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="member-role">
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage message={form.error} />
      <button type="submit" className="button-primary" disabled={form.busy} data-testid="member-submit">
        {form.busy ? "Adding…" : "Add member"}
      </button>
    </form>
  );
}

