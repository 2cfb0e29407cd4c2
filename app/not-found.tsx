import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 p-4 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm text-muted">This page does not exist, or your role does not give access to it.</p>
      <Link href="/" className="text-sm text-accent hover:underline">
        Back to the overview
      </Link>
    </main>
  );
}
