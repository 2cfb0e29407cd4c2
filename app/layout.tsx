import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Providers } from "@/components/layout/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sovereign", template: "%s · Sovereign" },
  description: "One console for a federation of Proxmox VE clusters.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so its scripts carry that request's CSP nonce (proxy.ts): a
  // page prerendered at build time would have none, and the browser would refuse its scripts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
