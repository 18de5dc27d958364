import type { TemplateDefinitionInput } from '../../model/template-schema';
import { arbsam } from './arbsam';
import { deltagareAvslut } from './deltagare-avslut';
import { egetKapital } from './eget-kapital';
import { ekonomiUtfall } from './ekonomi-utfall';
import { helarsekvivalenter, helarsekvivalenterV1 } from './helarsekvivalenter';
import { impactindexUnderlag } from './impactindex-underlag';
import { samverkansinitiativ } from './samverkansinitiativ';
import { strategiskaIndikatorer } from './strategiska-indikatorer';

/** Every template definition, all versions. Adding a template is adding its file here. */
export const TEMPLATE_INPUTS: readonly TemplateDefinitionInput[] = [
  deltagareAvslut,
  arbsam,
  strategiskaIndikatorer,
  helarsekvivalenterV1,
  helarsekvivalenter,
  ekonomiUtfall,
  samverkansinitiativ,
  impactindexUnderlag,
  egetKapital,
];
