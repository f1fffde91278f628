import { beforeEach, describe, expect, it } from "vitest";
import { offlineCache } from "./cache";

describe("offlineCache", () => {
  beforeEach(() => localStorage.clear());

  it("keeps project and episode descriptions per user", () => {
    offlineCache.saveProject("u1", { id: "p1", title: "Pilot", role: "writer" });
    offlineCache.saveEpisode("u1", "p1", { id: "e1", title: "Ep 1", documents: { script: "p/p1/b/main/script/e1", beats: "p/p1/b/main/beats/e1", notes: "p/p1/b/main/notes/script/e1" } });

    expect(offlineCache.project("u1", "p1")).toEqual({ id: "p1", title: "Pilot", role: "writer" });
    expect(offlineCache.episode("u1", "p1", "e1")?.documents.script).toBe("p/p1/b/main/script/e1");
    // Another account on the same browser must not inherit this role.
    expect(offlineCache.project("u2", "p1")).toBeNull();
  });

  it("keeps an episode's description per story timeline", () => {
    const [project, episode, branch] = ["pppppppppppppppp", "eeeeeeeeeeeeeeee", "abcdefghijklmnop"];
    const names = (b: string) => ({
      script: `p/${project}/b/${b}/script/${episode}`,
      beats: `p/${project}/b/${b}/beats/${episode}`,
      notes: `p/${project}/b/${b}/notes/script/${episode}`,
    });
    offlineCache.saveEpisode("u1", project, { id: episode, title: "Ep 1", documents: names("main") });
    offlineCache.saveEpisode("u1", project, { id: episode, title: "Ep 1", documents: names(branch) });

    expect(offlineCache.episode("u1", project, episode)?.documents.script).toBe(names("main").script);
    expect(offlineCache.episode("u1", project, episode, branch)?.documents.script).toBe(names(branch).script);
  });

  it("treats malformed stored data as absent", () => {
    localStorage.setItem("aiuteur:cache:u1:project:p1", JSON.stringify({ id: "p1", title: "Pilot", role: "emperor" }));
    localStorage.setItem("aiuteur:cache:u1:projects", "{not json");
    localStorage.setItem("aiuteur:cache:u1:episodes:p1", JSON.stringify([{ id: "e1", title: "Ep 1" }]));

    expect(offlineCache.project("u1", "p1")).toBeNull();
    expect(offlineCache.projects("u1")).toBeNull();
    expect(offlineCache.episodes("u1", "p1")).toBeNull();
  });
});
