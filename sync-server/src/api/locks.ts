/** REST calls for locks (issue 4, docs/api.md). */
import type { Router } from "../http/router.js";
import type { Services } from "../services.js";

export function lockRoutes(router: Router, services: Services): void {
  void router;
  void services;
}
