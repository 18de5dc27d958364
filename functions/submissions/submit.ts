import { hasErrors, hasWarnings } from '../../shared/validation/findings';
import { conflict, unprocessable } from '../api/api-error';
import { actorOf, type ForbundCall } from '../api/forbund-route';
import { contentHash } from './content-hash';
import { configuredDeadline } from '../../shared/model/year-settings-schema';
import { checkDraft, forbundForDraft, type SubmissionDraft } from './intake';
import type { DraftSource } from './read-draft';
import type { PeriodSettings, StoredReceipt } from './model';

export interface SubmitOutcome {
  receipt: StoredReceipt;
  created: boolean;
  warnings: ReturnType<typeof checkDraft>['validation']['findings'];
}

/**
 * A locked period or a passed deadline refuses a submission (409), whatever its content. The
 * deadline is the one kansliet set for the period, else the one the year's settings give it.
 */
function admitToPeriod(settings: PeriodSettings, configured: string | undefined, now: Date): void {
  if (settings.locked)
    throw conflict('period-locked', 'Perioden är låst av kansliet. Kontakta kansliet om något behöver ändras.');
  const deadline = settings.deadline ?? configured;
  if (deadline && now.getTime() > Date.parse(deadline)) {
    throw conflict('deadline-passed', `Sista dag för inlämning var ${deadline.slice(0, 10)}. Kontakta kansliet.`);
  }
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
  const { registry, forbund } = found instanceof Promise ? await found : found;
  const checked = checkDraft(registry, forbund, principal, draft);
  const configured = configuredDeadline(forbund.years, checked.period);
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
    (settings) => admitToPeriod(settings, configured, arrived),
  );
  return { receipt, created, warnings: findings };
}
