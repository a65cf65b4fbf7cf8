/**
 * THE route table: one line per screen. The first segment of the hash (`#/medlemmar/...`) picks the route;
 * the order here is the order of the left navigation. To build a screen, replace the placeholder component
 * in `features/<feature>/`; to add a screen, add one line here (and its label to `sv.nav`).
 */
import type { ComponentType } from 'react';
import {
  Apps20Filled,
  Apps20Regular,
  Board20Filled,
  Board20Regular,
  bundleIcon,
  ClipboardTextLtr20Filled,
  ClipboardTextLtr20Regular,
  ContactCard20Filled,
  ContactCard20Regular,
  Database20Filled,
  Receipt20Filled,
  Receipt20Regular,
  Database20Regular,
  History20Filled,
  History20Regular,
  Money20Filled,
  Money20Regular,
  Organization20Filled,
  Organization20Regular,
  PeopleTeam20Filled,
  PeopleTeam20Regular,
  Info20Filled,
  Info20Regular,
  QuestionCircle20Filled,
  QuestionCircle20Regular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { AppCommand, WriteArea } from '../../electron/contract';
import { sv } from '../lib/i18n/sv';
import type { PageProps } from './page-props';
import { OversiktPage } from '../features/oversikt/OversiktPage';
import { MedlemmarPage } from '../features/medlemmar/MedlemmarPage';
import { TjansterPage } from '../features/tjanster/TjansterPage';
import { NatverkPage } from '../features/natverk/NatverkPage';
import { KontakterPage } from '../features/kontakter/KontakterPage';
import { BudgetPage } from '../features/budget/BudgetPage';
import { FaktureringPage } from '../features/fakturering/FaktureringPage';
import { StyrelserapportPage } from '../features/styrelserapport/StyrelserapportPage';
import { AndringsloggPage } from '../features/andringslogg/AndringsloggPage';
import { DataPage } from '../features/data/DataPage';
import { HjalpPage } from '../features/hjalp/HjalpPage';
import { OmUppgifternaPage } from '../features/om-uppgifterna/OmUppgifternaPage';
import { omUppgifternaSv } from '../lib/i18n/om-uppgifterna.sv';

/**
 * `writes`: the area the screen's changes belong to, for a shared register's role that may not change it
 * (`write-access.ts`). Översikt, Ändringslogg and Data change nothing of their own or span both areas.
 */
/** `inNav: false` keeps a screen out of the left navigation (Hjälp is reached by F1 and the Hjälp menu, Om uppgifterna from Översikt and Hjälp). */
export type RouteDef = { id: string; label: string; icon: FluentIcon; Page: ComponentType<PageProps>; inNav?: false; writes?: WriteArea };

export const routes = [
  { id: 'oversikt', label: sv.nav.oversikt, icon: bundleIcon(Board20Filled, Board20Regular), Page: OversiktPage },
  { id: 'medlemmar', label: sv.nav.medlemmar, icon: bundleIcon(PeopleTeam20Filled, PeopleTeam20Regular), Page: MedlemmarPage, writes: 'register' },
  { id: 'tjanster', label: sv.nav.tjanster, icon: bundleIcon(Apps20Filled, Apps20Regular), Page: TjansterPage, writes: 'register' },
  { id: 'natverk', label: sv.nav.natverk, icon: bundleIcon(Organization20Filled, Organization20Regular), Page: NatverkPage, writes: 'register' },
  { id: 'kontakter', label: sv.nav.kontakter, icon: bundleIcon(ContactCard20Filled, ContactCard20Regular), Page: KontakterPage, writes: 'register' },
  { id: 'budget', label: sv.nav.budget, icon: bundleIcon(Money20Filled, Money20Regular), Page: BudgetPage, writes: 'register' },
  { id: 'fakturering', label: sv.nav.fakturering, icon: bundleIcon(Receipt20Filled, Receipt20Regular), Page: FaktureringPage, writes: 'invoicing' },
  { id: 'styrelserapport', label: sv.nav.styrelserapport, icon: bundleIcon(ClipboardTextLtr20Filled, ClipboardTextLtr20Regular), Page: StyrelserapportPage, writes: 'register' },
  { id: 'andringslogg', label: sv.nav.andringslogg, icon: bundleIcon(History20Filled, History20Regular), Page: AndringsloggPage },
  { id: 'data', label: sv.nav.data, icon: bundleIcon(Database20Filled, Database20Regular), Page: DataPage },
  { id: 'hjalp', label: sv.header.help, icon: bundleIcon(QuestionCircle20Filled, QuestionCircle20Regular), Page: HjalpPage, inNav: false },
  { id: 'om-uppgifterna', label: omUppgifternaSv.title, icon: bundleIcon(Info20Filled, Info20Regular), Page: OmUppgifternaPage, inNav: false },
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof routes)[number]['id'];
export const routeIds: readonly RouteId[] = routes.map((r) => r.id);
export const DEFAULT_ROUTE: RouteId = 'oversikt';

/** Every `navigate:*` menu command must name a route: a menu entry without a screen is a compile error. */
type NavigateTarget = AppCommand extends infer C ? (C extends `navigate:${infer T}` ? T : never) : never;
const _everyMenuTargetIsARoute: readonly RouteId[] = [] as NavigateTarget[];

export function routeById(id: RouteId): (typeof routes)[number] {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`Okänd sida: ${id}`);
  return route;
}
