/**
 * A React root for component tests: call once at the top of a test file (it registers the act
 * environment and the clean-up after each test), then `render` elements inside a memory router and
 * query what they drew.
 */
import { afterEach, beforeAll } from "vitest";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter } from "react-router";

export interface TestRoot {
  /** Renders (or re-renders) `element` in the one root of the current test; returns the host element. */
  render(element: ReactNode): HTMLElement;
  /** The element with this data-testid, or null. */
  find<T extends HTMLElement = HTMLElement>(testId: string): T | null;
  /** Every element with this data-testid, in document order. */
  findAll(testId: string): HTMLElement[];
  text(): string;
}

export function useTestRoot(): TestRoot {
  let root: Root | null = null;
  let host: HTMLElement | null = null;
  beforeAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  });
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
    root = null;
    host = null;
  });
  return {
    render(element) {
      if (!root) {
        host = document.createElement("div");
        document.body.append(host);
        root = createRoot(host);
      }
      act(() => root!.render(<MemoryRouter>{element}</MemoryRouter>));
      return host!;
    },
    find: <T extends HTMLElement>(testId: string) => host?.querySelector<T>(`[data-testid="${testId}"]`) ?? null,
    findAll: (testId) => (host ? [...host.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)] : []),
    text: () => host?.textContent ?? "",
  };
}
