import { describe, expect, it } from "vitest";
import { LIMITS } from "../protocol.js";
import { FountainError, parseFountain } from "./index.js";

function failure(text: string): FountainError {
  try {
    parseFountain(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FountainError);
    return error as FountainError;
  }
  throw new Error("expected parseFountain to throw");
}

describe("input that is not a Fountain text file", () => {
  it("refuses NUL bytes with the line and column", () => {
    const error = failure("INT. HOUSE - DAY\n\nShe opens\u0000 the door.");
    expect(error.code).toBe("invalid_fountain");
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^Line 3, column 10: .*NUL byte \(U\+0000\).*not a Fountain text file/);
  });

  it("refuses a binary file decoded as latin1 (a PNG header)", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const error = failure(png.toString("latin1"));
    expect(error.message).toMatch(/control character \(U\+001A\)/);
    expect(error.line).toBe(2);
  });

  it("refuses U+FFFD left by a failed UTF-8 decode", () => {
    const decoded = new TextDecoder().decode(Uint8Array.from([0x48, 0x69, 0xff, 0xfe, 0x21]));
    expect(decoded).toContain("\uFFFD");
    expect(failure(decoded).message).toMatch(/replacement character \(U\+FFFD\)/);
  });

  it("refuses unpaired UTF-16 surrogates but accepts paired ones (emoji)", () => {
    expect(failure("JIM\nHi \uD83D there").message).toMatch(/unpaired UTF-16 surrogate \(U\+D83D\)/);
    expect(failure("Hi \uDE06").message).toMatch(/unpaired/);
    expect(parseFountain("JIM😆\nHi!").blocks[0]).toEqual({ type: "character", content: [{ text: "JIM😆" }] });
  });

  it("refuses files over the upload limit with their size, counting UTF-8 bytes", () => {
    const error = failure("a".repeat(LIMITS.maxFountainBytes + 1));
    expect(error.message).toBe(
      `The file is 2.0 MiB (${LIMITS.maxFountainBytes + 1} bytes); Fountain imports are limited to 2.0 MiB (${LIMITS.maxFountainBytes} bytes).`,
    );
    // 700k three-byte characters are 2.1 MB in UTF-8 although only 700k UTF-16 units.
    expect(() => parseFountain("…".repeat(700_000))).toThrow(FountainError);
    expect(() => parseFountain("a".repeat(LIMITS.maxFountainBytes))).not.toThrow();
  });

  it("refuses values that are not strings", () => {
    expect(() => parseFountain(42 as unknown as string)).toThrow(FountainError);
  });

  it("accepts tabs, form feeds and Windows line ends", () => {
    expect(() => parseFountain("\tIndented.\f\r\nNext.\r\n")).not.toThrow();
  });
});
