import { z } from "zod";

// Forms send "" for an empty optional field; it means "not measured".
const optionalLatency = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.coerce
    .number({ message: "Enter the round trip in milliseconds." })
    .min(0, { message: "A latency cannot be negative." })
    .max(10_000, { message: "Over 10 s is not a link latency." })
    .optional(),
);

export const addMeshLinkInputSchema = z
  .object({
    fromClusterId: z.string().uuid({ message: "Choose a site." }),
    toClusterId: z.string().uuid({ message: "Choose a site." }),
    measuredLatencyMs: optionalLatency,
  })
  .refine((input) => input.fromClusterId !== input.toClusterId, {
    path: ["toClusterId"],
    message: "Choose two different sites.",
  });

export const removeMeshLinkInputSchema = z.object({ linkId: z.string().uuid() });
