import type { Registry } from '../../../shared/config/registry';
import type { ForbundConfig } from '../../../shared/model/forbund-schema';
import type { PartyKind } from '../../../shared/model/ids';
import { findParty } from '../../../shared/model/selectors';
import type { HttpClient } from '../api/http-client';
import type { SamladApi } from '../api/samlad-api';
import type { Session } from '../auth/session';
import type { HostInfo } from '../host/office-host';
import type { ActionContext } from '../ui/action';

/** The förbund's configuration by year, from the API (each year fetched once per sign-in). */
export interface PaneConfiguration {
  registryFor(year: number): Promise<Registry>;
}

/** What every signed-in view gets: the API, the host, who is signed in and for which förbund. */
export interface PaneDeps {
  api: SamladApi;
  http: HttpClient;
  host: HostInfo;
  session: Session;
  /** The förbund as this year sees it. */
  forbund: ForbundConfig;
  /** This year's förbund and the templates it uses, as the API gave them at sign-in. */
  registry: Registry;
  configuration: PaneConfiguration;
  ctx: ActionContext;
  now: () => Date;
}

export interface View {
  id: string;
  /** Navigation label. */
  label: string;
  element: HTMLElement;
  /** Receives focus when the view is shown, so screen readers announce where the user is. */
  heading: HTMLElement;
  /** Called each time the view is shown. */
  onShow?: () => void;
}

/** Validation's notion of who submits: a party's kind, or kansliet. */
export function submitterOf(deps: Pick<PaneDeps, 'session' | 'forbund'>): PartyKind | 'kansli' {
  const { principal } = deps.session;
  if (principal.role !== 'reporter') return 'kansli';
  return findParty(deps.forbund, principal.party ?? '')?.kind ?? 'kansli';
}

/** What a SubmitPanel needs of the pane: the API, the action context and who the series belongs to. */
export function submitterDeps(deps: Pick<PaneDeps, 'api' | 'ctx' | 'session' | 'forbund'>): {
  api: PaneDeps['api'];
  ctx: PaneDeps['ctx'];
  submitter: PartyKind | 'kansli';
  party: string;
} {
  const { principal } = deps.session;
  const party = principal.role === 'reporter' ? (principal.party ?? '') : 'kansli';
  return { api: deps.api, ctx: deps.ctx, submitter: submitterOf(deps), party };
}
