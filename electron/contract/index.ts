/**
 * The one typed API between the UI and the core. Each channel is declared once, in a feature file under
 * `channels/`; this module joins them. Core services must implement every channel (see `ChannelHandlers`),
 * main registers exactly `channelNames`, preload exposes only those.
 */
import type { z } from 'zod';
import type { ChannelDef } from './define';
import { appChannels } from './channels/app.channels';
import { servicesChannels } from './channels/services.channels';
import { usageChannels } from './channels/usage.channels';
import { networksChannels } from './channels/networks.channels';
import { budgetChannels } from './channels/budget.channels';
import { membersChannels } from './channels/members.channels';
import { goalsChannels } from './channels/goals.channels';
import { exportsChannels } from './channels/exports.channels';
import { importsChannels } from './channels/imports.channels';
import { tasksChannels } from './channels/tasks.channels';
import { reachChannels } from './channels/reach.channels';
import { invoicingChannels } from './channels/invoicing.channels';

export const contract = {
  ...appChannels,
  ...servicesChannels,
  ...usageChannels,
  ...networksChannels,
  ...budgetChannels,
  ...membersChannels,
  ...goalsChannels,
  ...exportsChannels,
  ...importsChannels,
  ...tasksChannels,
  ...reachChannels,
  ...invoicingChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channelNames = Object.freeze(Object.keys(contract)) as readonly Channel[];

/** What the UI may send (before defaults are applied). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What the core receives: parsed, defaulted, normalised. */
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

/** What the core implements: one handler per channel; a missing one is a compile error. */
export type ChannelHandlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (channelNames as readonly string[]).includes(name);
}

export * from './result';
export * from './events';
export type * from './channels/app.channels';
export { readOnlyReasons, writeAreas } from './channels/app.channels';
export type * from './channels/services.channels';
export type * from './channels/usage.channels';
export type * from './channels/networks.channels';
export type * from './channels/budget.channels';
export type * from './channels/members.channels';
export type * from './channels/goals.channels';
export type * from './channels/exports.channels';
export type * from './channels/imports.channels';
export type * from './channels/tasks.channels';
export type * from './channels/reach.channels';
export type * from './channels/invoicing.channels';
export type * from './model/invoicing-views';
export type { WindowApi } from './window-api';
