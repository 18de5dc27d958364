import { hasErrors, hasWarnings } from '../../shared/validation/findings';
import { conflict, unprocessable } from '../api/api-error';
import { actorOf, type ForbundCall } from '../api/forbund-route';
import { contentHash } from './content-hash';
import { forbundDeadline } from '../consolidation/tertial-schedule';
import {
  checkDraft,
  forbundForDraft,
  type CheckedDraft,
  type DraftConfiguration,
  type SubmissionDraft,
} from './intake';
import { draftParty, loadReferences } from './references';
import type { DraftSource } from './read-draft';
import type { PeriodSettings, StoredReceipt } from './model';

export interface SubmitOutcome {
  receipt: StoredReceipt;
  created: boolean;
  warnings: ReturnType<typeof checkDraft>['validation']['findings'];
  /** What was stored: the template, period and scope as the draft named them, checked. */
  target: { templateId: string; period: string; scope: string };
}

/**
 * A locked period or a passed deadline kansliet set for the period refuses a submission (409),
 * whatever its content. Past the förbund's default deadline (the last day the year's settings
 * give the period, else TERTIAL_DEADLINE_DAYS after it) it is taken but *sen*.
 */
function admitToPeriod(settings: PeriodSettings, defaultDeadline: string, now: Date): { late: boolean } {
  if (settings.locked)
    throw conflict('period-locked', 'Perioden är låst av kansliet. Kontakta kansliet om något behöver ändras.');
  if (settings.deadline && now.getTime() > Date.parse(settings.deadline)) {
    throw conflict(
      'deadline-passed',
      `Sista dag för inlämning var ${settings.deadline.slice(0, 10)}. Kontakta kansliet.`,
    );
  }
  return { late: now.getTime() > Date.parse(settings.deadline ?? defaultDeadline) };
}

/**
 * The draft checked against the configuration of its period's year, with its plausibility
 * references (the series' earlier figures) loaded first.
 */
export async function checkWithReferences(
  call: Pick<ForbundCall, 'services' | 'principal'>,
  configuration: DraftConfiguration,
  draft: SubmissionDraft,
): Promise<CheckedDraft> {
  const { registry, forbund } = configuration;
  const party = draftParty(call.principal, draft);
  const references = await loadReferences(call.services.repository, registry, forbund, { ...draft, party });
  return checkDraft(registry, forbund, call.principal, draft, references);
}

/**
 * Checks and stores one submission. Nothing is stored unless every check passes: findings
 * with *fel* are a 422, *varningar* need a comment, and a locked period or a passed deadline
 * is a 409.
 */
export async function submitDraft(
  call: ForbundCall,
  draft: SubmissionDraft,
  source: DraftSource,
): Promise<SubmitOutcome> {
  const { services, principal } = call;
  const found = forbundForDraft(call, draft);
  const configuration = found instanceof Promise ? await found : found;
  const { forbund } = configuration;
  const checked = await checkWithReferences(call, configuration, draft);
  const { findings } = checked.validation;
  if (hasErrors(findings))
    throw unprocessable(
      'validation-failed',
      'Uppgifterna innehåller fel. Rätta cellerna i listan och skicka igen.',
      findings,
    );
  if (hasWarnings(findings) && !draft.comment) {
    throw unprocessable(
      'comment-required',
      'Uppgifterna har varningar. Skriv en kommentar som förklarar dem och skicka igen.',
      findings,
    );
  }
  // The deadline is judged on arrival, not after waiting for another submission of the same series.
  const arrived = services.now();
  const sha256 = contentHash({
    templateId: checked.template.id,
    templateVersion: checked.template.version,
    scope: draft.scope,
    values: checked.values,
  });
  const { receipt, created } = await services.repository.submit(
    {
      forbund: forbund.id,
      period: checked.period.id,
      templateId: checked.template.id,
      templateVersion: checked.template.version,
      scope: draft.scope,
      party: checked.party,
      values: checked.values,
      sha256,
      comment: draft.comment,
      source,
      actor: actorOf(principal),
      late: false,
    },
    (settings) => admitToPeriod(settings, forbundDeadline(forbund, checked.period, services.deadlineDays), arrived),
  );
  const target = { templateId: checked.template.id, period: checked.period.id, scope: draft.scope };
  return { receipt, created, warnings: findings, target };
}
