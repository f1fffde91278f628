import { describe, expect, it } from "vitest";
import { fountainFileName, titleForImport, titleFromTitlePage } from "./fountainFile";

describe("titleFromTitlePage", () => {
  it("reads the Title key, without emphasis markers", () => {
    const text = "Title: _**BRICK & STEEL**_\nCredit: Written by\nAuthor: Stu Maschwitz\n\nEXT. BRICK'S PATIO - DAY\n";
    expect(titleFromTitlePage(text)).toBe("BRICK & STEEL");
  });

  it("joins an indented multi-line title", () => {
    const text = "Title:\r\n    BRICK & STEEL\r\n    FULL RETIRED\r\nAuthor: Stu\r\n\r\nFADE IN:";
    expect(titleFromTitlePage(text)).toBe("BRICK & STEEL FULL RETIRED");
  });

  it("returns null when the file starts with the script", () => {
    expect(titleFromTitlePage("INT. KITCHEN - NIGHT\n\nShe waits.")).toBeNull();
    expect(titleFromTitlePage("Author: Someone\n\nINT. KITCHEN - NIGHT")).toBeNull();
  });
});

describe("titleForImport", () => {
  it("prefers the title page over the file name", () => {
    expect(titleForImport("draft-3.fountain", "Title: The Long Night\n\nINT. HALL - DAY")).toBe("The Long Night");
  });

  it("falls back to the file name without its extension", () => {
    expect(titleForImport("Episode 4 - The Heist.fountain", "INT. VAULT - NIGHT")).toBe("Episode 4 - The Heist");
    expect(titleForImport(".fountain", "")).toBe("Untitled");
  });
});

describe("fountainFileName", () => {
  it("keeps readable titles and strips characters file systems refuse", () => {
    expect(fountainFileName("Pilot")).toBe("Pilot.fountain");
    expect(fountainFileName('Ep 1: "Who/What?"')).toBe("Ep 1 Who What.fountain");
    expect(fountainFileName("...")).toBe("script.fountain");
  });
});
