/** Entry point: fonts and styles, the React tree, and (in production builds) the offline service worker. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// Courier Prime ships inside the bundle: screenplay pages must look right with no network at all.
import "@fontsource/courier-prime/400.css";
import "@fontsource/courier-prime/400-italic.css";
import "@fontsource/courier-prime/700.css";
import "@fontsource/courier-prime/700-italic.css";
import "./app/app.css";
import "./app/forms.css";
import "./app/project.css";
import "./app/script.css";
import { App } from "./app/App";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Only production builds: in dev the service worker would serve stale modules over Vite's hot reload.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // Without a service worker the app still works online; only offline reloads are lost.
    });
  });
}
