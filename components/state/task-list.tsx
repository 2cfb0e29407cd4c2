import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FormattedDate } from "@/components/ui/formatted-date";

export interface TaskListItem {
  id: string;
  type: string;
  objectId: string;
  node: string;
  user: string;
  startedAt: Date;
  status: string | null;
  ok: boolean | null;
  cluster?: { id: string; name: string };
}

// Proxmox's worker types in words, for the ones guests' owners meet most.
const TYPE_TEXT: Record<string, string> = {
  qmstart: "VM start",
  qmstop: "VM stop",
  qmshutdown: "VM shutdown",
  qmreboot: "VM reboot",
  qmigrate: "VM migration",
  vzstart: "CT start",
  vzstop: "CT stop",
  vzshutdown: "CT shutdown",
  vzreboot: "CT reboot",
  vzmigrate: "CT migration",
  qmclone: "VM clone",
  vzdump: "backup",
  qmsnapshot: "VM snapshot",
  hamigrate: "HA migration",
  hastart: "HA start",
};

export function taskLabel(type: string, objectId: string): string {
  return `${TYPE_TEXT[type] ?? type}${objectId ? ` ${objectId}` : ""}`;
}

function TaskStatus({ status, ok }: { status: string | null; ok: boolean | null }) {
  if (status === null) return <Badge tone="accent">running</Badge>;
  return <Badge tone={ok ? "ok" : "danger"}>{ok ? status : "failed"}</Badge>;
}

export function TaskList({ tasks, empty = "No tasks yet." }: { tasks: TaskListItem[]; empty?: string }) {
  if (tasks.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="divide-y divide-border text-sm">
      {tasks.map((task) => (
        <li key={task.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2">
          <div className="min-w-0">
            <p className="font-medium">
              {taskLabel(task.type, task.objectId)}
              {task.cluster && (
                <>
                  {" "}
                  <span className="font-normal text-muted">on</span>{" "}
                  <Link href={`/clusters/${task.cluster.id}`} className="text-accent hover:underline">
                    {task.cluster.name}
                  </Link>
                </>
              )}
            </p>
            <p className="truncate text-xs text-muted">
              {task.node} · {task.user} · <FormattedDate value={task.startedAt} />
            </p>
            {task.ok === false && task.status && <p className="text-xs text-danger">{task.status}</p>}
          </div>
          <TaskStatus status={task.status} ok={task.ok} />
        </li>
      ))}
    </ul>
  );
}
