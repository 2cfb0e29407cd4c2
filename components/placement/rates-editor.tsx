"use client";
// The reward-rate table: expected USD a month per replica by network or service and region, for
// sites where the ledger has no history. Saving a subject and region that exist replaces the rate.
import { Usd } from "@/components/earnings/money";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { SERVICE_LABELS, WORKLOAD_SERVICES } from "@/lib/placement/workloads/subjects";
import type { ActionResult } from "@/lib/actions/result";
import { deleteRewardRateAction, setRewardRateAction } from "@/lib/placement/workloads/actions";
import { EmptyState } from "@/components/ui/empty-state";

interface Rate {
  subject: string;
  label: string;
  region: string;
  monthlyUsdPerReplica: number;
}

export function RatesEditor({
  rates,
  networks,
  canManage,
}: {
  rates: Rate[];
  networks: Array<{ id: string; name: string }>;
  canManage: boolean;
}) {
  // The outcome shows inline, under the table it changed.
  const { pending, message, fieldErrors: errors, run } = useServerAction({ toast: false });
  const act = (fn: () => Promise<ActionResult<unknown>>, ok: string) => run(fn, { success: ok });

  return (
    <div className="space-y-6">
      {rates.length === 0 ? (
        <EmptyState>No rates yet: sites without ledger history then expect no revenue.</EmptyState>
      ) : (
        <div className="-mx-4 overflow-x-auto sm:mx-0">
          <table className="w-full min-w-[420px] border-collapse" aria-label="Reward rates">
            <thead>
              <tr className="border-b border-border text-left text-xs uppercase tracking-wide text-muted">
                <th className="px-2 py-2 font-medium">Network or service</th>
                <th className="px-2 py-2 font-medium">Region</th>
                <th className="px-2 py-2 text-right font-medium">USD a month per replica</th>
                {canManage && <th className="px-2 py-2" />}
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={`${r.subject}|${r.region}`} className="border-b border-border text-sm last:border-0">
                  <td className="px-2 py-2">{r.label}</td>
                  <td className="px-2 py-2">{r.region || <span className="text-muted">any</span>}</td>
                  <td className="px-2 py-2 text-right">
                    <Usd value={r.monthlyUsdPerReplica} />
                  </td>
                  {canManage && (
                    <td className="px-2 py-2 text-right">
                      <Button
                        variant="ghost"
                        pending={pending}
                        onClick={() =>
                          act(() => deleteRewardRateAction({ subject: r.subject, region: r.region }), "Rate removed.")
                        }
                      >
                        Remove
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <form
          className="grid gap-3 border-t border-border pt-4 sm:grid-cols-3"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            act(
              () =>
                setRewardRateAction({
                  subject: String(data.get("subject") ?? ""),
                  region: String(data.get("region") ?? ""),
                  monthlyUsdPerReplica: String(data.get("monthlyUsdPerReplica") ?? ""),
                }),
              "Rate saved.",
            );
          }}
        >
          <SelectField label="Network or service" name="subject" errors={errors.subject}>
            {networks.map((n) => (
              <option key={n.id} value={`network:${n.id}`}>
                {n.name}
              </option>
            ))}
            {WORKLOAD_SERVICES.map((s) => (
              <option key={s} value={`service:${s}`}>
                {SERVICE_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Region"
            name="region"
            maxLength={100}
            errors={errors.region}
            hint="A site's region or country code (PL); empty = any."
          />
          <TextField
            label="USD a month per replica"
            name="monthlyUsdPerReplica"
            required
            inputMode="decimal"
            errors={errors.monthlyUsdPerReplica}
          />
          <div className="sm:col-span-3 space-y-2">
            {message && <Notice tone={message.tone}>{message.text}</Notice>}
            <Button type="submit" pending={pending}>
              Save rate
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
