/**
 * "/projects/:projectId": the project's episodes, its story views (registry, beats, scenes, storyboards), its
 * members and, when there are any, its failed renders.
 */
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { api, ApiError, messageOf } from "../api";
import { useSession } from "../auth";
import { offlineCache } from "../cache";
import { AppHeader } from "../components/AppHeader";
import { EpisodesPanel } from "../components/EpisodesPanel";
import { ErrorMessage } from "../components/ErrorMessage";
import { MembersPanel } from "../components/MembersPanel";
import { OfflineNotice } from "../components/OfflineNotice";
import { RoleBadge } from "../components/RoleBadge";
import { useCachedResource } from "../hooks/useCachedResource";
import { ProjectStoryPanel } from "../../registry/ProjectStoryPanel";
import { BranchSwitcher } from "../../branches/BranchSwitcher";
import { useBranchId } from "../../branches/branchContext";
import { FailedRendersPanel } from "../../render/FailedRendersPanel";
import { RenderSettingsPanel } from "../../render/RenderSettingsPanel";
import "../../registry/registry.css";

export function ProjectPage() {
  const { projectId = "" } = useParams();
  const { user } = useSession();
  const branchId = useBranchId();
  const project = useCachedResource(`project:${user.id}:${projectId}`, (signal) => api.getProject(projectId, signal), {
    read: () => offlineCache.project(user.id, projectId),
    write: (value) => offlineCache.saveProject(user.id, value),
  });

  const refused = project.error instanceof ApiError && (project.error.status === 404 || project.error.status === 403);
  // This account lost access (or never had it): drop the offline copy of the project and its role.
  useEffect(() => {
    if (refused) offlineCache.forgetProject(user.id, projectId);
  }, [refused, user.id, projectId]);

  if (refused && project.error instanceof ApiError) {
    return (
      <>
        <AppHeader />
        <main className="page">
          <h1>Project not available</h1>
          <ErrorMessage message={project.error.message} />
          <p>
            <Link to="/">Back to your projects</Link>
          </p>
        </main>
      </>
    );
  }

  const info = project.data;
  return (
    <>
      <AppHeader>
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/">Projects</Link>
          {info && <span aria-current="page"> / {info.title}</span>}
        </nav>
      </AppHeader>
      <main className="page">
        {project.loading && <p className="muted">Loading project…</p>}
        <ErrorMessage message={project.error ? messageOf(project.error) : null} />
        <OfflineNotice show={project.offline} />
        {info && (
          <>
            <div className="page-heading">
              <h1>{info.title}</h1>
              <RoleBadge role={info.role} />
              <BranchSwitcher projectId={projectId} episodeId={null} role={info.role} />
            </div>
            <div className="project-layout">
              <EpisodesPanel project={info} userId={user.id} />
              <MembersPanel project={info} currentUserId={user.id} />
              <ProjectStoryPanel project={info} userId={user.id} />
              <RenderSettingsPanel projectId={projectId} role={info.role} />
              <FailedRendersPanel projectId={projectId} branchId={branchId} role={info.role} />
            </div>
          </>
        )}
      </main>
    </>
  );
}
