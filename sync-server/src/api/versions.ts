/** REST calls for versions (issue 4, docs/api.md). */
import type { Router } from "../http/router.js";
import type { Services } from "../services.js";

export function versionRoutes(router: Router, services: Services): void {
  void router;
  void services;
}
