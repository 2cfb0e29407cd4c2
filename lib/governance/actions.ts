"use server";
// Governance server actions: each is a public POST endpoint, so each goes through serverAction
// (validate → session → permission → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import {
  cancelProposal,
  completeProposal,
  createProposal,
  enactEmergency,
  openVoting,
  setPhaseDone,
  startImplementation,
  updateProposal,
} from "./mutations";
import { setVotingMinimums } from "./minimums-mutations";
import { castVote, setClusterAssignments, setExpertise } from "./vote-mutations";

export const createProposalAction = serverAction(createProposal);
export const updateProposalAction = serverAction(updateProposal);
export const openVotingAction = serverAction(openVoting);
export const enactEmergencyAction = serverAction(enactEmergency);
export const cancelProposalAction = serverAction(cancelProposal);
export const startImplementationAction = serverAction(startImplementation);
export const setPhaseDoneAction = serverAction(setPhaseDone);
export const completeProposalAction = serverAction(completeProposal);
export const castVoteAction = serverAction(castVote);
export const setExpertiseAction = serverAction(setExpertise);
export const setClusterAssignmentsAction = serverAction(setClusterAssignments);
export const setVotingMinimumsAction = serverAction(setVotingMinimums);
