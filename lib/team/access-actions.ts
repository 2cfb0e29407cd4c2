"use server";
// Server actions for sign-in access; each goes through serverAction (validate → session →
// permission → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import { endMemberSessions, endOwnSession, unlockMember } from "./access-mutations";

export const unlockMemberAction = serverAction(unlockMember);
export const endMemberSessionsAction = serverAction(endMemberSessions);
export const endOwnSessionAction = serverAction(endOwnSession);
