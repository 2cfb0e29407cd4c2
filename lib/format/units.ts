// Numbers as people read them. Queries return raw numbers (bytes, fractions, seconds); pages and
// components format them here, so every screen says "12.5 GiB" and "3 min" the same way.

// A no-break space keeps "45" and "%" (or "12" and "GiB") on one line in narrow cards.
const NBSP = "\u00a0";
const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"] as const;

function trimmed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** Binary units as Proxmox shows them: 1536 → "1.5 KiB". Three significant figures at most. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return `0${NBSP}B`;
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${trimmed(value, digits)}${NBSP}${BYTE_UNITS[unit]}`;
}

/** A fraction (0.453) as a percentage ("45 %"); values below 1 % but above 0 show as "<1 %". */
export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return "–";
  const percent = fraction * 100;
  if (percent > 0 && percent < 1 && digits === 0) return `<1${NBSP}%`;
  return `${trimmed(percent, digits)}${NBSP}%`;
}

/** used / total as a fraction, 0 when the total is unknown (a down node reports 0 of 0). */
export function ratio(used: number, total: number): number {
  return total > 0 ? Math.min(Math.max(used / total, 0), 1) : 0;
}

/** CPUs in use out of CPUs present: 3.24 of 16 → "3.2 of 16 CPUs". */
export function formatCpus(used: number, total: number): string {
  return `${trimmed(used, used >= 10 ? 0 : 1)} of ${trimmed(total, 0)} CPUs`;
}

/** "12.5 of 64 GiB": the total's unit for both, so the two numbers compare at a glance. */
export function formatBytesOf(used: number, total: number): string {
  const totalText = formatBytes(total);
  const unit = totalText.split(NBSP)[1] ?? "B";
  const exponent = BYTE_UNITS.indexOf(unit as (typeof BYTE_UNITS)[number]);
  const scaled = used / 1024 ** Math.max(exponent, 0);
  const digits = scaled >= 100 || exponent <= 0 ? 0 : 1;
  // Something in use never reads as "0 of 2 TiB".
  const usedText = used > 0 && exponent > 0 && scaled < 0.05 ? "<0.1" : trimmed(scaled, digits);
  return `${usedText} of ${totalText}`;
}

/** An uptime in seconds: "3 d 4 h", "5 h 2 min", "42 s"; two units at most. */
export function formatUptime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return "–";
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  if (days > 0) return hours > 0 ? `${days}${NBSP}d ${hours}${NBSP}h` : `${days}${NBSP}d`;
  if (hours > 0) return minutes > 0 ? `${hours}${NBSP}h ${minutes}${NBSP}min` : `${hours}${NBSP}h`;
  if (minutes > 0) return `${minutes}${NBSP}min`;
  return `${s}${NBSP}s`;
}

/** How long ago, one unit: "12 s", "5 min", "3 h", "2 d". Negative ages (clock skew) read as 0 s. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}${NBSP}s`;
  if (s < 3_600) return `${Math.floor(s / 60)}${NBSP}min`;
  if (s < 86_400) return `${Math.floor(s / 3_600)}${NBSP}h`;
  return `${Math.floor(s / 86_400)}${NBSP}d`;
}

/** Whole numbers with the reader's grouping is left to Intl in components; this is for counts in text. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
