import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";
import { safeUrl } from "@/lib/governance/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));
/** The markup inside the wrapper, class attributes left out: the tests judge structure, not styling. */
const html = (source: string) =>
  render(source)
    .replace(/ class="[^"]*"/g, "")
    .replace(/^<div>([\s\S]*)<\/div>$/, "$1");

describe("proposal descriptions as Markdown", () => {
  it("renders headings, paragraphs, lists and code fences", () => {
    const out = html(
      "# Upgrade\n\nRoll out **PVE 9.1**\nsite by site.\n\n- Lyon\n- Graz\n\n1. drain\n2. upgrade\n\n```\napt full-upgrade\n```",
    );
    expect(out).toContain("<h2>Upgrade</h2>");
    expect(out).toContain("<p>Roll out <strong>PVE 9.1</strong>\nsite by site.</p>");
    expect(out).toContain("<ul>\n<li>Lyon</li>\n<li>Graz</li>\n</ul>");
    expect(out).toContain("<ol>\n<li>drain</li>\n<li>upgrade</li>\n</ol>");
    expect(out).toContain("<pre><code>apt full-upgrade\n</code></pre>");
    expect(out.indexOf("<h2>")).toBeLessThan(out.indexOf("<p>"));
  });

  it("keeps HTML as text: no input becomes markup", () => {
    const out = html('<script>alert(1)</script>\n<img src=x onerror="alert(1)">\n\nsay <b onclick="x()">hi</b>');
    expect(out).not.toMatch(/<(script|img|b)\b/);
    // The attribute is there only as text: no tag carries it.
    expect(out).not.toMatch(/<[^>]*onerror/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("&lt;b onclick=&quot;x()&quot;&gt;hi&lt;/b&gt;");
  });

  it("links only http(s), mailto and relative URLs; external ones open apart, without referrer", () => {
    expect(html("[docs](https://pve.proxmox.com/wiki)")).toBe(
      '<p><a href="https://pve.proxmox.com/wiki" rel="noopener noreferrer nofollow" target="_blank">docs</a></p>',
    );
    for (const unsafe of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,hi",
      "vbscript:x",
      "//evil.example/x",
    ]) {
      const out = html(`[x](${unsafe})`);
      expect(out).toBe("<p>x</p>");
    }
    expect(html("[plan](/placement)")).toBe('<p><a href="/placement">plan</a></p>');
    expect(html("[mail](mailto:ops@example.org)")).toBe('<p><a href="mailto:ops@example.org">mail</a></p>');
    // An image would be fetched from anywhere by every reader: only its text is shown.
    expect(html("![a chart](https://tracker.example/p.gif)")).toBe("<p><span>a chart</span></p>");
  });

  it("handles emphasis, code and unclosed markers", () => {
    expect(html("*a* and `b*c*` and 2 * 3")).toBe("<p><em>a</em> and <code>b*c*</code> and 2 * 3</p>");
    expect(html("**open")).toBe("<p>**open</p>");
  });

  it("renders tables, nested lists and quotes", () => {
    const table = html("| site | tier |\n| :--- | ---: |\n| Lyon | 2 |");
    expect(table).toContain("<table>");
    expect(table).toContain('<th style="text-align:left">site</th>');
    expect(table).toContain('<td style="text-align:right">2</td>');
    expect(html("- Paris\n  - Lyon\n  - Graz\n- Warsaw")).toMatch(
      /<ul>\n<li>Paris\n<ul>\n<li>Lyon<\/li>\n<li>Graz<\/li>\n<\/ul>\n<\/li>\n<li>Warsaw<\/li>\n<\/ul>/,
    );
    expect(html("> quoted **text**\n> more")).toBe(
      "<blockquote>\n<p>quoted <strong>text</strong>\nmore</p>\n</blockquote>",
    );
  });

  it("says so when there is no description", () => {
    expect(html("  \n")).toBe("<p>No description.</p>");
  });
});

describe("safeUrl", () => {
  it("keeps web, mail and relative targets and refuses other schemes and garbage", () => {
    expect(safeUrl("http://a.example/x")).toBe("http://a.example/x");
    expect(safeUrl("mailto:a@example.org")).toBe("mailto:a@example.org");
    expect(safeUrl("/clusters/1#nodes")).toBe("/clusters/1#nodes");
    expect(safeUrl(" JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeUrl("data:text/html,hi")).toBeNull();
    expect(safeUrl("//evil.example")).toBeNull();
    expect(safeUrl("   ")).toBeNull();
  });
});
