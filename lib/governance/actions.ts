"use server";
// Governance server actions: each is a public POST endpoint, so each goes through defineAction
// (validate → session → permission → run → audit).
import { defineAction } from "@/lib/actions/define-action";
import { cancelProposal, completeProposal, createProposal, enactEmergency, openVoting, setPhaseDone, startImplementation, updateProposal } from "./mutations";
import { castVote, setClusterAssignments, setExpertise } from "./vote-mutations";

export const createProposalAction = defineAction(createProposal);
export const updateProposalAction = defineAction(updateProposal);
export const openVotingAction = defineAction(openVoting);
export const enactEmergencyAction = defineAction(enactEmergency);
export const cancelProposalAction = defineAction(cancelProposal);
export const startImplementationAction = defineAction(startImplementation);
export const setPhaseDoneAction = defineAction(setPhaseDone);
export const completeProposalAction = defineAction(completeProposal);
export const castVoteAction = defineAction(castVote);
export const setExpertiseAction = defineAction(setExpertise);
export const setClusterAssignmentsAction = defineAction(setClusterAssignments);
