import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, errorFromResponse, request, setUnauthorizedHandler } from "./api";
import { clearSession, saveSession } from "./session";

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

describe("errorFromResponse", () => {
  it("keeps the server's stable code and message", async () => {
    const error = await errorFromResponse(
      jsonResponse(409, { error: { code: "email_taken", message: "An account with that email already exists." } }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe("email_taken");
    expect(error.message).toBe("An account with that email already exists.");
  });

  it("falls back to a code and a readable message when the body is not the error shape", async () => {
    const error = await errorFromResponse(new Response("<html>Request Entity Too Large</html>", { status: 413 }));
    expect(error.status).toBe(413);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toMatch(/too large/i);
  });

  it("uses the fallback message when the server's message is empty", async () => {
    const error = await errorFromResponse(jsonResponse(404, { error: { code: "user_not_found", message: "" } }));
    expect(error.code).toBe("user_not_found");
    expect(error.message).toBe("Not found.");
  });
});

describe("request", () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal("fetch", fetchMock);
    clearSession();
  });

  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    setUnauthorizedHandler(null);
    clearSession();
  });

  it("sends JSON with the stored bearer token and parses the answer", async () => {
    saveSession({ token: "tok-1", user: { id: "u1", email: "a@b.co", displayName: "Ann" } });
    fetchMock.mockResolvedValue(jsonResponse(201, { id: "p1", title: "Pilot", role: "owner" }));

    const project = await api.createProject("Pilot");

    expect(project).toEqual({ id: "p1", title: "Pilot", role: "owner" });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/projects");
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe(JSON.stringify({ title: "Pilot" }));
    const headers = init?.headers as Record<string, string>;
    expect(headers.Authorization).toBe("Bearer tok-1");
    expect(headers["Content-Type"]).toBe("application/json");
  });

  it("does not send a token to the sign-in endpoints", async () => {
    saveSession({ token: "old", user: { id: "u1", email: "a@b.co", displayName: "Ann" } });
    fetchMock.mockResolvedValue(jsonResponse(401, { error: { code: "invalid_credentials", message: "Wrong email or password." } }));
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);

    const error = await api.login({ email: "a@b.co", password: "nope" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("invalid_credentials");
    expect((fetchMock.mock.calls[0]![1]?.headers as Record<string, string>).Authorization).toBeUndefined();
    // A failed login is not an expired session.
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it("reports a refused token so the app can sign out", async () => {
    saveSession({ token: "expired", user: { id: "u1", email: "a@b.co", displayName: "Ann" } });
    fetchMock.mockResolvedValue(jsonResponse(401, { error: { code: "unauthenticated", message: "Sign in again." } }));
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);

    await expect(request("/api/me")).rejects.toMatchObject({ status: 401, code: "unauthenticated" });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("turns a failed fetch into a network_error with status 0", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));

    const error = await request("/api/projects").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).code).toBe("network_error");
    expect((error as ApiError).isNetworkError).toBe(true);
  });

  it("maps the Fountain import refusal to its code and message", async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, { error: { code: "invalid_fountain", message: "This file is not text: it contains binary data." } }),
    );

    await expect(api.createEpisode("p1", "Broken", "\u0000\u0001")).rejects.toMatchObject({
      status: 400,
      code: "invalid_fountain",
      message: "This file is not text: it contains binary data.",
    });
  });

  it("resolves an empty 200 body to undefined", async () => {
    fetchMock.mockResolvedValue(new Response("", { status: 200 }));
    await expect(api.removeMember("p1", "u2")).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/projects/p1/members/u2");
  });
});
