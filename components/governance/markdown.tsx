// Renders lib/governance/markdown.ts's tree. Every string goes through React, which escapes it:
// there is no dangerouslySetInnerHTML here, by design.
import { Fragment, type ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "@/lib/governance/markdown";

function inlines(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case "text":
        return <Fragment key={i}>{node.text}</Fragment>;
      case "code":
        return (
          <code key={i} className="rounded bg-bg px-1 font-mono text-[0.9em]">
            {node.text}
          </code>
        );
      case "strong":
        return <strong key={i}>{inlines(node.children)}</strong>;
      case "em":
        return <em key={i}>{inlines(node.children)}</em>;
      case "link":
        return (
          <a
            key={i}
            href={node.href}
            rel="noopener noreferrer nofollow"
            target="_blank"
            className="text-accent underline"
          >
            {inlines(node.children)}
          </a>
        );
    }
  });
}

function block(node: Block, i: number): ReactNode {
  switch (node.kind) {
    case "heading": {
      const size = node.level === 1 ? "text-xl" : node.level === 2 ? "text-lg" : "text-base";
      const Tag = node.level === 1 ? "h2" : node.level === 2 ? "h3" : "h4";
      return (
        <Tag key={i} className={`${size} font-semibold`}>
          {inlines(node.children)}
        </Tag>
      );
    }
    case "paragraph":
      return <p key={i}>{inlines(node.children)}</p>;
    case "code":
      return (
        <pre key={i} className="overflow-x-auto rounded-md bg-bg p-3 font-mono text-xs">
          {node.text}
        </pre>
      );
    case "list": {
      const items = node.items.map((item, j) => <li key={j}>{inlines(item)}</li>);
      return node.ordered ? (
        <ol key={i} className="list-decimal space-y-1 pl-6">
          {items}
        </ol>
      ) : (
        <ul key={i} className="list-disc space-y-1 pl-6">
          {items}
        </ul>
      );
    }
  }
}

export function Markdown({ source }: { source: string }) {
  const blocks = parseMarkdown(source);
  if (blocks.length === 0) return <p className="text-sm text-muted">No description.</p>;
  return <div className="space-y-3 text-sm leading-relaxed break-words">{blocks.map(block)}</div>;
}
