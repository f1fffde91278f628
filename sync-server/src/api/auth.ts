import { ERROR_CODES, FIELD_LIMITS } from "@aiuteur/shared";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { HttpError } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { email, password, requiredString } from "../http/validate.js";
import type { Services } from "../services.js";
import { publicUser } from "../store/users.js";
import { requireUser } from "./session.js";

/** A hash to compare against when the email is unknown, so the answer takes as long either way. */
let decoyHash: Promise<string> | null = null;

export function authRoutes(router: Router, services: Services): void {
  router.add("POST", "/api/auth/signup", async ({ req, res }) => {
    const body = await readJsonObject(req);
    const address = email(body);
    const secret = password(body);
    const displayName = requiredString(body, "displayName", FIELD_LIMITS.displayName);
    const user = await services.users.create(address, displayName, await hashPassword(secret));
    if (!user) throw new HttpError(409, ERROR_CODES.emailTaken, "An account with that email already exists. Log in instead.");
    services.log.info("account.created", { userId: user.id });
    sendJson(res, 201, { token: await services.tokens.issue(user.id), user: publicUser(user) });
  });

  router.add("POST", "/api/auth/login", async ({ req, res }) => {
    const body = await readJsonObject(req);
    const address = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
    const secret = typeof body.password === "string" ? body.password : "";
    const user = address ? await services.users.byEmail(address) : undefined;
    decoyHash ??= hashPassword("decoy password for unknown accounts");
    const valid = await verifyPassword(secret, user?.passwordHash ?? (await decoyHash));
    if (!user || !valid) throw new HttpError(401, ERROR_CODES.invalidCredentials, "Email or password is incorrect.");
    sendJson(res, 200, { token: await services.tokens.issue(user.id), user: publicUser(user) });
  });

  router.add("GET", "/api/me", async ({ req, res }) => {
    sendJson(res, 200, publicUser(await requireUser(services, req)));
  });
}
