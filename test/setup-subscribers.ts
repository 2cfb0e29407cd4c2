// Vitest setup file of the integration project: tests run governance code, so they register the
// same subscribers the worker and the Next server do (lib/composition/subscribers.ts).
import { registerSubscribers } from "@/lib/composition/subscribers";

registerSubscribers();
