import type { z } from 'zod';

/** One channel: its input schema (checked in main before the core sees it) and, as a type only, its output. */
export type ChannelDef<I extends z.ZodType, O> = { readonly input: I; readonly __output?: O };

/**
 * Declares a channel: `channel<Output>()(inputSchema)`.
 * The two-step call lets the output type be given explicitly while the input type is inferred.
 */
export const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });
