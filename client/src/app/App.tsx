/**
 * Routes. Every path except /login and /signup needs a session; the server serves index.html for every
 * non-API path, so deep links and reloads land here.
 */
import { BrowserRouter, Route, Routes } from "react-router";
import { AuthProvider, RequireAuth } from "./auth";
import { AnimaticPage } from "./pages/AnimaticPage";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { DashboardPage } from "./pages/DashboardPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ProjectPage } from "./pages/ProjectPage";
import { BeatsPage } from "./pages/BeatsPage";
import { RegistryPage } from "./pages/RegistryPage";
import { ScenesPage } from "./pages/ScenesPage";
import { ScriptPage } from "./pages/ScriptPage";
import { ShotPage } from "./pages/ShotPage";
import { StoryboardPage } from "./pages/StoryboardPage";
import { SignupPage } from "./pages/SignupPage";

export function App() {
  return (
    <ErrorBoundary what="Aiuteur">
      <BrowserRouter>
        <AuthProvider>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/signup" element={<SignupPage />} />
            <Route element={<RequireAuth />}>
              <Route path="/" element={<DashboardPage />} />
              <Route path="/projects/:projectId" element={<ProjectPage />} />
              <Route path="/projects/:projectId/registry" element={<RegistryPage />} />
              <Route path="/projects/:projectId/episodes/:episodeId" element={<ScriptPage />} />
              <Route path="/projects/:projectId/episodes/:episodeId/beats" element={<BeatsPage />} />
              <Route path="/projects/:projectId/episodes/:episodeId/scenes" element={<ScenesPage />} />
              <Route path="/projects/:projectId/episodes/:episodeId/storyboard" element={<StoryboardPage />} />
              <Route path="/projects/:projectId/episodes/:episodeId/animatic" element={<AnimaticPage />} />
              <Route path="/projects/:projectId/shots/:shotId" element={<ShotPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </AuthProvider>
      </BrowserRouter>
    </ErrorBoundary>
  );
}
