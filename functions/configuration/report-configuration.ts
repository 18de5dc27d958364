import type { ForbundConfig } from '../../shared/model/forbund-schema';
import type { ReportConfiguration } from '../consolidation/build-report';
import { canonicalDocument } from './document-hash';
import type { ForbundAtYear } from './snapshot';

/**
 * The configuration a report for `year` is built with. By default the year's own: a 2023 report
 * made after 2024's settings changed still measures 2023 against 2023's targets. When kansliet
 * asks for the current settings, the year in force now lends its parties, platforms, templates
 * and year settings to `year`; the other years (last year's comparison) stay their own.
 */
export function reportConfiguration(
  own: ForbundAtYear,
  year: number,
  current?: ForbundAtYear,
): { forbund: ForbundConfig; configuration: ReportConfiguration } {
  if (!current || current.settings.sha256 === own.settings.sha256) return { forbund: own.forbund, configuration: own };
  const forbund: ForbundConfig = {
    ...current.forbund,
    years: { ...current.forbund.years, [String(year)]: current.forbund.years[String(current.settings.year)] ?? {} },
  };
  const templates = current.registry.templates;
  return {
    forbund,
    configuration: {
      registry: { forbund: [forbund], templates },
      settings: current.settings,
      hash: canonicalDocument({ forbund, templates: templates.map((t) => `${t.id}@${t.version}`) }).sha256,
      current: true,
    },
  };
}
