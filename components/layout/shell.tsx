"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState, type ReactNode } from "react";
import type { NavItem } from "./nav-items";

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The signed-in frame: a sidebar on wide screens, a menu button below 768 px. */
export function Shell({
  items,
  user,
  children,
}: {
  items: NavItem[];
  user: { name: string; email: string; role: string };
  children: ReactNode;
}) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  const nav = (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          onClick={() => setOpen(false)}
          aria-current={isActive(pathname, item.href) ? "page" : undefined}
          className="rounded-md px-3 py-2 text-sm hover:bg-bg aria-[current=page]:bg-bg aria-[current=page]:font-semibold"
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );

  const account = (
    <div className="border-t border-border pt-3 text-sm">
      <p className="truncate font-medium" data-testid="signed-in-as">
        {user.name}
      </p>
      <p className="truncate text-xs text-muted">
        {user.email} · {user.role}
      </p>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/login" })}
        className="mt-2 text-sm text-accent hover:underline"
      >
        Sign out
      </button>
    </div>
  );

  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <header className="sticky top-0 z-20 flex items-center justify-between border-b border-border bg-surface px-4 py-3 md:hidden">
        <Link href="/" className="font-semibold">
          Sovereign
        </Link>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpen((value) => !value)}
          className="rounded-md border border-border px-3 py-1.5 text-sm"
        >
          {open ? "Close" : "Menu"}
        </button>
      </header>
      {open && (
        <div
          id="mobile-nav"
          className="fixed inset-x-0 top-[57px] bottom-0 z-10 space-y-3 overflow-y-auto bg-surface p-4 md:hidden"
        >
          {nav}
          {account}
        </div>
      )}
      <aside className="hidden border-r border-border bg-surface md:flex md:h-dvh md:sticky md:top-0 md:flex-col md:justify-between md:p-4">
        <div className="space-y-4">
          <Link href="/" className="block px-3 text-lg font-semibold">
            Sovereign
          </Link>
          {nav}
        </div>
        {account}
      </aside>
      <main className="mx-auto w-full max-w-6xl p-4 sm:p-6">{children}</main>
    </div>
  );
}
