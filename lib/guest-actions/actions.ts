"use server";
// Guest actions as server actions: public POST endpoints, so each goes through defineAction
// (validate → session → permission guests.act → run → audit).
import { defineAction } from "@/lib/actions/define-action";
import { guestMigrate, guestMigratePrecheck, guestPower, refreshGuest } from "./mutations";

export const guestPowerAction = defineAction(guestPower);
export const guestMigratePrecheckAction = defineAction(guestMigratePrecheck);
export const guestMigrateAction = defineAction(guestMigrate);
export const refreshGuestAction = defineAction(refreshGuest);
