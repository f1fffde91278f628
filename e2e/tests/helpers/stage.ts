/**
 * The set-up most e2e files share, registered as the file's beforeAll/afterAll: the product `npm start`
 * serves, one Chromium, and a browser context with a page per person. The returned object is filled in
 * when the hooks run, so tests read it inside their bodies.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { launchBrowser } from "./browser.js";
import { startProduct, type Product } from "./product.js";
import { createShotProject, signInContext, signUpApi, type ApiUser, type ShotSetup } from "./shots.js";

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};

export interface Stage {
  product: Product;
  browser: Browser;
  /** One context per requested person, in order. */
  contexts: BrowserContext[];
  pages: Page[];
}

/**
 * Starts the product and a browser with one context per entry of `people`. `signIns`, when given, runs
 * once the product is up and returns the API users to sign the contexts in with (by position) before
 * any page loads.
 */
export function useStage(people: BrowserContextOptions[], signIns?: (product: Product) => Promise<ApiUser[]>): Stage {
  const stage = { contexts: [], pages: [] } as unknown as Stage;
  beforeAll(async () => {
    stage.product = await startProduct();
    const users = signIns ? await signIns(stage.product) : [];
    stage.browser = await launchBrowser();
    for (const [index, options] of people.entries()) {
      const context = await stage.browser.newContext(options);
      const user = users[index];
      if (user) await signInContext(context, user);
      stage.contexts.push(context);
      stage.pages.push(await context.newPage());
    }
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.product?.stop();
  });
  return stage;
}

export interface CastMember {
  name: string;
  /** The project role; the first member owns the project and has none. */
  role?: string;
  context?: BrowserContextOptions;
  /** False for someone who only needs to exist (an owner who sets up the project): no browser context. */
  browser?: boolean;
}

export interface ShotStage extends Stage {
  /** The cast's API sessions, in cast order. */
  users: ApiUser[];
  /** Contexts and pages are those of the cast members with a browser, in cast order. */
  setup: ShotSetup;
}

/**
 * A stage for shot-panel tests: every cast member signed up through the API, a project owned by the
 * first with the others as members, an episode from `fountain` with `shots` shots in its first scene,
 * and each person's browser context already signed in.
 */
export function useShotStage(cast: CastMember[], fountain: string, shots = 1): ShotStage {
  // The callback runs in beforeAll, after this function has returned the object it fills in.
  const inBrowser = (member: CastMember) => member.browser !== false;
  const stage = useStage(
    cast.filter(inBrowser).map((member) => member.context ?? DESKTOP),
    async (product) => {
      const users: ApiUser[] = [];
      for (const member of cast) users.push(await signUpApi(product.url, member.name));
      const [owner, ...others] = users;
      if (!owner) throw new Error("a shot stage needs at least its owner");
      const members = others.map((user, index) => ({ user, role: cast[index + 1]?.role ?? "viewer" }));
      stage.users = users;
      stage.setup = await createShotProject(product.url, owner, members, fountain, shots);
      return users.filter((_, index) => inBrowser(cast[index]!));
    },
  ) as ShotStage;
  return stage;
}
