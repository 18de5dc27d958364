import type { CellValue } from '../../shared/model/cell-kind';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { describePeriod, parsePeriod, type Period } from '../../shared/model/period';
import { resolveTemplate, type ResolvedTemplate } from '../../shared/model/resolve';
import { findParty, findTemplate, maySubmit, scopesOf } from '../../shared/model/selectors';
import type { TemplateDefinition } from '../../shared/model/template-schema';
import type { Registry } from '../../shared/config/registry';
import type { PlausibilityReference } from '../../shared/validation/plausibility';
import { validateSubmission, type CellReadIssue, type ValidationResult } from '../../shared/validation/validate';
import { badRequest, forbidden, unprocessable } from '../api/api-error';
import type { Principal } from '../../shared/api/principal';
import type { ForbundCall } from '../api/forbund-route';
import type { ForbundAtYear } from '../configuration/snapshot';

/** What arrives, from JSON or a parsed workbook, before any checking. */
export interface SubmissionDraft {
  /** Set when the draft comes from a workbook, which names the förbund it was made for. */
  forbund?: string;
  templateId: string;
  templateVersion?: number;
  period: string;
  scope: string;
  /** Kansliet may submit on a party's behalf; reporters always submit as their own party. */
  party?: string;
  values: Readonly<Record<string, unknown>>;
  comment?: string;
  /** From an uploaded workbook: formulas without a stored result, error values. */
  cellIssues?: readonly CellReadIssue[];
}

export interface CheckedDraft {
  template: TemplateDefinition;
  resolved: ResolvedTemplate;
  period: Period;
  party: string;
  validation: ValidationResult;
  values: Record<string, CellValue>;
}

/** The configuration a draft is checked against: its period's year's. */
export interface DraftConfiguration {
  registry: Registry;
  forbund: ForbundConfig;
}

/**
 * The förbund as the draft's period's year sees it (a draft without a valid period gets this
 * year's, and a 400): at once when the cache has assembled it, which is nearly always.
 */
export function forbundForDraft(
  call: Pick<ForbundCall, 'atYear' | 'current' | 'snapshot'>,
  draft: SubmissionDraft,
): ForbundAtYear | Promise<ForbundAtYear> {
  const period = parsePeriod(draft.period);
  if (!period) return call.current;
  return call.snapshot.forbundIfReady(call.current.forbund.id, period.year) ?? call.atYear(period.year);
}

/** The party a submission is stored under; kansliet's own imports (SCB files) use "kansli". */
function submittingParty(principal: Principal, draft: SubmissionDraft, forbund: ForbundConfig): string {
  if (principal.role === 'reporter') {
    if (draft.party !== undefined && draft.party !== principal.party)
      throw forbidden('Du kan bara lämna uppgifter för din egen part.');
    return principal.party ?? '';
  }
  if (draft.party === undefined || draft.party === 'kansli') return 'kansli';
  if (!findParty(forbund, draft.party))
    throw badRequest('unknown-party', `Parten ${draft.party} finns inte i förbundet.`);
  return draft.party;
}

/**
 * Resolves and checks a draft against its template: the period must be of the template's
 * kind, the caller must be allowed the scope, and the values are validated by the same shared
 * code as in the add-in. Throws 4xx ApiErrors; returns findings for the caller to judge.
 */
export function checkDraft(
  registry: Registry,
  forbund: ForbundConfig,
  principal: Principal,
  draft: SubmissionDraft,
  references: readonly PlausibilityReference[] = [],
): CheckedDraft {
  if (draft.forbund !== undefined && draft.forbund !== forbund.id) {
    throw unprocessable('wrong-forbund', 'Filen är en mall för ett annat samordningsförbund. Hämta mallen på nytt.');
  }
  const period = parsePeriod(draft.period);
  if (!period)
    throw badRequest('invalid-period', `Perioden ”${draft.period}” finns inte. Skriv t.ex. 2023, 2023H1 eller 2023T2.`);
  const template = forbund.templates.includes(draft.templateId)
    ? findTemplate(registry, draft.templateId, period.year)
    : undefined;
  if (!template)
    throw unprocessable(
      'unknown-template',
      `Mallen ”${draft.templateId}” används inte av förbundet för ${period.year}.`,
    );
  if (draft.templateVersion !== undefined && draft.templateVersion !== template.version) {
    throw unprocessable(
      'wrong-template-version',
      `Filen är version ${draft.templateVersion} av mallen, men för ${period.year} gäller version ` +
        `${template.version}. Hämta mallen på nytt.`,
    );
  }
  if (template.period.kind !== period.kind) {
    throw unprocessable(
      'wrong-period-kind',
      `Mallen ”${template.title}” lämnas per ` +
        `${template.period.kind === 'tertial' ? 'tertial' : template.period.kind === 'halfyear' ? 'halvår' : 'år'}, ` +
        `inte för ${describePeriod(period)}.`,
    );
  }
  const scope = scopesOf(template, forbund).find((s) => s.id === draft.scope);
  if (!scope) throw unprocessable('unknown-scope', `Mallen ”${template.title}” kan inte gälla ”${draft.scope}”.`);
  const party = submittingParty(principal, draft, forbund);
  if (principal.role === 'reporter' && !maySubmit(template, forbund, party, draft.scope)) {
    throw forbidden(`Din part lämnar inte mallen ”${template.title}” för ${scope.name}.`);
  }
  const resolved = resolveTemplate(template, forbund, period.year);
  const submitterKind = principal.role === 'reporter' ? findParty(forbund, party)?.kind : 'kansli';
  const validation = validateSubmission(resolved, draft.values, {
    submitter: submitterKind,
    cellIssues: draft.cellIssues,
    references,
  });
  return { template, resolved, period, party, validation, values: validation.values };
}
