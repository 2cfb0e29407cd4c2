"use server";
// The sync's server action: a public POST endpoint, so it goes through serverAction
// (validate → session → permission → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import { syncClusterNow } from "./mutations";

export const syncClusterNowAction = serverAction(syncClusterNow);
