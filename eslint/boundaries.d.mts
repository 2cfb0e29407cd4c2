import type { Linter } from "eslint";

export const LAYERS: string[];
export const boundaries: Linter.Config[];
