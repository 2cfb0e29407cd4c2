// A proposal's description: Markdown (GitHub's flavour: tables, task lists, strikethrough) rendered
// by react-markdown into React elements, which escape every string. Raw HTML is never parsed into
// markup (no rehype-raw): react-markdown shows it as text. Links keep only the targets
// lib/governance/markdown.ts allows; one that loses its target is shown as its text.
import type { ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { isExternal, safeUrl } from "@/lib/governance/markdown";

const heading = (size: string) =>
  function Heading({ children }: { children?: ReactNode }) {
    return <div className={`${size} font-semibold`}>{children}</div>;
  };

// The page's own title is the h1: the description's headings sit below it.
const components: Components = {
  h1: ({ children }) => <h2 className="text-xl font-semibold">{children}</h2>,
  h2: ({ children }) => <h3 className="text-lg font-semibold">{children}</h3>,
  h3: ({ children }) => <h4 className="text-base font-semibold">{children}</h4>,
  h4: heading("text-sm"),
  h5: heading("text-sm"),
  h6: heading("text-sm"),
  a: ({ href, children }) => {
    if (!href) return <>{children}</>;
    return isExternal(href) ? (
      <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline">
        {children}
      </a>
    ) : (
      <a href={href} className="text-accent underline">
        {children}
      </a>
    );
  },
  // An image would load from wherever its author chose whenever anyone opens the proposal.
  img: ({ alt }) => <span>{alt}</span>,
  code: ({ children, className }) => (
    <code className={className ?? "rounded bg-bg px-1 font-mono text-[0.9em]"}>{children}</code>
  ),
  pre: ({ children }) => <pre className="overflow-x-auto rounded-md bg-bg p-3 font-mono text-xs">{children}</pre>,
  ul: ({ children, className }) => <ul className={className ?? "list-disc space-y-1 pl-6"}>{children}</ul>,
  ol: ({ children, start }) => (
    <ol start={start} className="list-decimal space-y-1 pl-6">
      {children}
    </ol>
  ),
  blockquote: ({ children }) => (
    <blockquote className="space-y-2 border-l-2 border-border pl-3 text-muted">{children}</blockquote>
  ),
  table: ({ children }) => (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">{children}</table>
    </div>
  ),
  th: ({ children, style }) => (
    <th style={style} className="border-b border-border px-2 py-1 font-medium">
      {children}
    </th>
  ),
  td: ({ children, style }) => (
    <td style={style} className="border-b border-border px-2 py-1">
      {children}
    </td>
  ),
};

// null drops the attribute: the link component then shows the text alone.
const urlTransform = (url: string) => safeUrl(url);

export function Markdown({ source }: { source: string }) {
  if (source.trim() === "") return <p className="text-sm text-muted">No description.</p>;
  return (
    <div className="space-y-3 text-sm leading-relaxed break-words">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components} urlTransform={urlTransform}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
