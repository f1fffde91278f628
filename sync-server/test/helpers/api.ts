/** A typed client for the REST API, as the browser uses it. */
import type { AuthResponse, EpisodeInfo, ProjectInfo, Role } from "@aiuteur/shared";

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    public token: string | null = null,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.token) (init.headers as Record<string, string>).authorization = `Bearer ${this.token}`;
    if (body !== undefined) {
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
      init.body = typeof body === "string" ? body : JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, init);
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get("content-type") ?? "").includes("application/json")) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T };
  }

  async signup(email: string, displayName = email.split("@")[0] ?? "user", password = "correct horse battery"): Promise<AuthResponse> {
    const result = await this.request<AuthResponse>("POST", "/api/auth/signup", { email, password, displayName });
    if (result.status !== 201) throw new Error(`signup failed: ${result.status} ${JSON.stringify(result.body)}`);
    this.token = result.body.token;
    return result.body;
  }

  async createProject(title: string): Promise<ProjectInfo> {
    const result = await this.request<ProjectInfo>("POST", "/api/projects", { title });
    if (result.status !== 201) throw new Error(`create project failed: ${result.status}`);
    return result.body;
  }

  async addMember(projectId: string, email: string, role: Role): Promise<void> {
    const result = await this.request("POST", `/api/projects/${projectId}/members`, { email, role });
    if (result.status !== 201) throw new Error(`add member failed: ${result.status} ${JSON.stringify(result.body)}`);
  }

  async createEpisode(projectId: string, title: string, fountain?: string): Promise<EpisodeInfo> {
    const result = await this.request<EpisodeInfo>("POST", `/api/projects/${projectId}/episodes`, { title, fountain });
    if (result.status !== 201) throw new Error(`create episode failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }
}

let counter = 0;
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.test`;
}
