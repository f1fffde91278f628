/** "/": the projects the caller belongs to, with their role in each, and a form to start a new one. */
import { Link } from "react-router";
import { api, messageOf } from "../api";
import { useSession } from "../auth";
import { offlineCache } from "../cache";
import { AppHeader } from "../components/AppHeader";
import { ErrorMessage } from "../components/ErrorMessage";
import { OfflineNotice } from "../components/OfflineNotice";
import { RoleBadge } from "../components/RoleBadge";
import { TitleForm } from "../components/TitleForm";
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
        <TitleForm
          noun="project"
          create={async (title) => {
            const project = await api.createProject(title);
            projects.update((list) => [...(list ?? []), project]);
          }}
        />
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
