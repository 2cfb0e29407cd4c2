import { describe, expect, it } from "vitest";
import { formatAge, formatBytes, formatBytesOf, formatCpus, formatPercent, formatUptime, plural, ratio } from "./units";

// The helpers use a no-break space; compare with plain spaces for readability.
const plain = (text: string): string => text.replace(/\u00a0/g, " ");

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [-5, "0 B"],
    [Number.NaN, "0 B"],
    [512, "512 B"],
    [1536, "1.5 KiB"],
    [10 * 1024 ** 2 + 300 * 1024, "10.3 MiB"],
    [64 * 1024 ** 3, "64 GiB"],
    [150 * 1024 ** 3, "150 GiB"],
    [2.25 * 1024 ** 4, "2.25 TiB"],
    [3 * 1024 ** 6, "3072 PiB"],
  ])("%s bytes → %s", (bytes, text) => expect(plain(formatBytes(bytes))).toBe(text));
});

describe("formatPercent", () => {
  it("rounds, keeps tiny non-zero values visible, and refuses nonsense", () => {
    expect(plain(formatPercent(0.453))).toBe("45 %");
    expect(plain(formatPercent(0.4567, 1))).toBe("45.7 %");
    expect(plain(formatPercent(0))).toBe("0 %");
    expect(plain(formatPercent(0.004))).toBe("<1 %");
    expect(plain(formatPercent(1))).toBe("100 %");
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe("–");
  });
});

describe("ratio", () => {
  it("is 0 for an unknown total and clamps to [0, 1]", () => {
    expect(ratio(5, 0)).toBe(0);
    expect(ratio(5, 10)).toBe(0.5);
    expect(ratio(12, 10)).toBe(1);
    expect(ratio(-1, 10)).toBe(0);
  });
});

describe("formatCpus and formatBytesOf", () => {
  it("compare used with total in the total's unit", () => {
    expect(formatCpus(3.24, 16)).toBe("3.2 of 16 CPUs");
    expect(formatCpus(12.6, 64)).toBe("13 of 64 CPUs");
    expect(plain(formatBytesOf(12.5 * 1024 ** 3, 64 * 1024 ** 3))).toBe("12.5 of 64 GiB");
    expect(plain(formatBytesOf(512 * 1024 ** 3, 2 * 1024 ** 4))).toBe("0.5 of 2 TiB");
    expect(plain(formatBytesOf(512 * 1024 ** 2, 2 * 1024 ** 4))).toBe("<0.1 of 2 TiB");
    expect(plain(formatBytesOf(0, 0))).toBe("0 of 0 B");
  });
});

describe("formatUptime", () => {
  it.each([
    [0, "–"],
    [42, "42 s"],
    [120, "2 min"],
    [5 * 3600 + 2 * 60 + 9, "5 h 2 min"],
    [3 * 3600, "3 h"],
    [3 * 86_400 + 4 * 3600 + 59, "3 d 4 h"],
    [86_400 * 10, "10 d"],
  ])("%s s → %s", (seconds, text) => expect(plain(formatUptime(seconds))).toBe(text));
});

describe("formatAge", () => {
  it.each([
    [-2_000, "0 s"],
    [12_400, "12 s"],
    [5 * 60_000 + 3_000, "5 min"],
    [3 * 3_600_000, "3 h"],
    [49 * 3_600_000, "2 d"],
  ])("%s ms → %s", (ms, text) => expect(plain(formatAge(ms))).toBe(text));
});

it("plural", () => {
  expect(plural(1, "guest")).toBe("1 guest");
  expect(plural(3, "guest")).toBe("3 guests");
  expect(plural(0, "proxy", "proxies")).toBe("0 proxies");
});
