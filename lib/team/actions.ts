"use server";
// Server actions for the team: each is a public POST endpoint, so each goes through serverAction
// (validate → session → permission → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import {
  inviteMember,
  revokeInvitation,
  acceptInvitation,
  changeRole,
  setMemberDisabled,
  changeOwnPassword,
} from "./mutations";
import { setClusterScope } from "./scope-mutations";

export const inviteMemberAction = serverAction(inviteMember);
export const revokeInvitationAction = serverAction(revokeInvitation);
export const acceptInvitationAction = serverAction(acceptInvitation);
export const changeRoleAction = serverAction(changeRole);
export const setMemberDisabledAction = serverAction(setMemberDisabled);
export const changeOwnPasswordAction = serverAction(changeOwnPassword);
export const setClusterScopeAction = serverAction(setClusterScope);
