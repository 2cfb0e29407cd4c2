"use server";
// Guest actions as server actions: public POST endpoints, so each goes through serverAction
// (validate → session → permission guests.act → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import { guestMigrate, guestMigratePrecheck, guestPower, refreshGuest } from "./mutations";

export const guestPowerAction = serverAction(guestPower);
export const guestMigratePrecheckAction = serverAction(guestMigratePrecheck);
export const guestMigrateAction = serverAction(guestMigrate);
export const refreshGuestAction = serverAction(refreshGuest);
