"use server";
// Server actions for the map: public POST endpoints, each through defineAction
// (validate → session → permission → run → audit).
import { defineAction } from "@/lib/actions/define-action";
import { addMeshLink, removeMeshLink } from "./mutations";

export const addMeshLinkAction = defineAction(addMeshLink);
export const removeMeshLinkAction = defineAction(removeMeshLink);
