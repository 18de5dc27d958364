import type { ForbundConfig } from '../../shared/model/forbund-schema';
import type { Period } from '../../shared/model/period';
import { maySubmit, scopesOf, templatesForForbund } from '../../shared/model/selectors';
import type { Registry } from '../../shared/config/registry';
import type { StatusRow } from '../../shared/api';
import type { CurrentSubmission } from './model';

/**
 * Completeness for a period: every template × scope × expected party, with the state of its
 * current version. A platform is complete when any of the parties running it has reported.
 * Missing after the deadline — the one kansliet set, else the default — is *sen*; a version that
 * arrived after it carries `late`.
 */
export function statusMatrix(
  registry: Registry,
  forbund: ForbundConfig,
  period: Period,
  current: readonly CurrentSubmission[],
  deadline: string,
  now: Date,
): StatusRow[] {
  const overdue = now.getTime() > Date.parse(deadline);
  const rows: StatusRow[] = [];
  for (const template of templatesForForbund(registry, forbund, period.year).filter(
    (t) => t.period.kind === period.kind,
  )) {
    for (const scope of scopesOf(template, forbund)) {
      const expected = forbund.parties.filter((p) => maySubmit(template, forbund, p.id, scope.id)).map((p) => p.id);
      const groups = template.scope === 'platform' ? [expected] : expected.map((p) => [p]);
      for (const parties of groups) {
        const versions = current
          .filter(
            (c) =>
              c.templateId === template.id &&
              c.scope === scope.id &&
              (parties.includes(c.party) || c.party === 'kansli'),
          )
          .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
        const latest = versions[0];
        const base = {
          templateId: template.id,
          templateTitle: template.title,
          scope: scope.id,
          scopeName: scope.name,
          parties,
        };
        rows.push(
          latest
            ? {
                ...base,
                state: latest.state,
                id: latest.id,
                version: latest.version,
                party: latest.party,
                submittedAt: latest.submittedAt,
                updatedAt: latest.updatedAt,
                stateComment: latest.stateComment || undefined,
                late: latest.late,
              }
            : { ...base, state: overdue ? 'sen' : 'saknas' },
        );
      }
    }
  }
  return rows;
}
