/** "/": the projects the caller belongs to, with their role in each, and a form to start a new one. */
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { FIELD_LIMITS, type ProjectInfo } from "@aiuteur/shared";
import { api, messageOf } from "../api";
import { useSession } from "../auth";
import { offlineCache } from "../cache";
import { AppHeader } from "../components/AppHeader";
import { ErrorMessage } from "../components/ErrorMessage";
import { OfflineNotice } from "../components/OfflineNotice";
import { RoleBadge } from "../components/RoleBadge";
import { useCachedResource } from "../hooks/useCachedResource";

export function DashboardPage() {
  const { user } = useSession();
  const projects = useCachedResource(`projects:${user.id}`, (signal) => api.listProjects(signal), {
    read: () => offlineCache.projects(user.id),
    write: (list) => offlineCache.saveProjects(user.id, list),
  });

  return (
    <>
      <AppHeader />
      <main className="page">
        <div className="page-heading">
          <h1>Your projects</h1>
        </div>
        <OfflineNotice show={projects.offline} />
        <NewProjectForm onCreated={(project) => projects.update((list) => [...(list ?? []), project])} />
        {projects.loading && <p className="muted">Loading projects…</p>}
        <ErrorMessage message={projects.error ? messageOf(projects.error) : null} />
        {projects.data && projects.data.length === 0 && (
          <p className="empty">No projects yet. Give your first one a title above.</p>
        )}
        {projects.data && projects.data.length > 0 && (
          <ul className="card-list">
            {projects.data.map((project) => (
              <li key={project.id} className="card-row">
                <Link to={`/projects/${project.id}`} className="card-link" data-testid="project-link">
                  {project.title}
                </Link>
                <RoleBadge role={project.role} />
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}

function NewProjectForm({ onCreated }: { onCreated(project: ProjectInfo): void }) {
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.createProject(title.trim()));
      setTitle("");
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <label className="field field-grow">
        <span>New project</span>
        <input
          type="text"
          placeholder="Project title"
          maxLength={FIELD_LIMITS.title}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="new-project-title"
        />
      </label>
      <button type="submit" className="button-primary" disabled={busy} data-testid="new-project-submit">
        {busy ? "Creating…" : "Create project"}
      </button>
      <ErrorMessage message={error} />
    </form>
  );
}
