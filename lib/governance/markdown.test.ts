import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, safeHref } from "./markdown";

describe("parseMarkdown", () => {
  it("parses headings, paragraphs, lists and code fences", () => {
    const blocks = parseMarkdown(
      "# Upgrade\n\nRoll out **PVE 9.1**\nsite by site.\n\n- Lyon\n- Graz\n\n1. drain\n2. upgrade\n\n```\napt full-upgrade\n```",
    );
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list", "list", "code"]);
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      children: [
        { kind: "text", text: "Roll out " },
        { kind: "strong", children: [{ kind: "text", text: "PVE 9.1" }] },
        { kind: "text", text: " site by site." },
      ],
    });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: "Lyon" }], [{ text: "Graz" }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
    expect(blocks[4]).toEqual({ kind: "code", text: "apt full-upgrade" });
  });

  it("keeps HTML as text: nothing in the tree is markup", () => {
    const blocks = parseMarkdown('<script>alert(1)</script>\n<img src=x onerror="alert(1)">');
    expect(blocks).toEqual([
      {
        kind: "paragraph",
        children: [{ kind: "text", text: '<script>alert(1)</script> <img src=x onerror="alert(1)">' }],
      },
    ]);
  });

  it("links only http(s) URLs", () => {
    expect(parseInline("[docs](https://pve.proxmox.com/wiki)")).toEqual([
      { kind: "link", href: "https://pve.proxmox.com/wiki", children: [{ kind: "text", text: "docs" }] },
    ]);
    expect(parseInline("[x](javascript:alert(1))")).toEqual([{ kind: "text", text: "[x](javascript:alert(1))" }]);
    expect(parseInline("[x](data:text/html,hi)")[0]?.kind).toBe("text");
    expect(parseInline("[x](/relative)")[0]?.kind).toBe("text");
  });

  it("handles emphasis, code and unclosed markers", () => {
    expect(parseInline("*a* and `b*c*` and 2 * 3")).toEqual([
      { kind: "em", children: [{ kind: "text", text: "a" }] },
      { kind: "text", text: " and " },
      { kind: "code", text: "b*c*" },
      { kind: "text", text: " and 2 * 3" },
    ]);
    expect(parseInline("**open")).toEqual([{ kind: "text", text: "**open" }]);
  });

  it("safeHref refuses other schemes and garbage", () => {
    expect(safeHref("http://a.example/x")).toBe("http://a.example/x");
    expect(safeHref(" JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });
});
