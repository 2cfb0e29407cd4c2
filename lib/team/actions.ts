"use server";
// Server actions for the team: each is a public POST endpoint, so each goes through defineAction
// (validate → session → permission → run → audit).
import { defineAction } from "@/lib/actions/define-action";
import { inviteMember, revokeInvitation, acceptInvitation, changeRole, setMemberDisabled, changeOwnPassword } from "./mutations";

export const inviteMemberAction = defineAction(inviteMember);
export const revokeInvitationAction = defineAction(revokeInvitation);
export const acceptInvitationAction = defineAction(acceptInvitation);
export const changeRoleAction = defineAction(changeRole);
export const setMemberDisabledAction = defineAction(setMemberDisabled);
export const changeOwnPasswordAction = defineAction(changeOwnPassword);
