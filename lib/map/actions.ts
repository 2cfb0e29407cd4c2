"use server";
// Server actions for the map: public POST endpoints, each through serverAction
// (validate → session → permission → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import { addMeshLink, removeMeshLink } from "./mutations";

export const addMeshLinkAction = serverAction(addMeshLink);
export const removeMeshLinkAction = serverAction(removeMeshLink);
