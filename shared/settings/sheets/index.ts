import type { SettingsSheet } from '../sheet';
import { deadlinesSheet } from './deadlines';
import { identitySheet } from './identity';
import { initiativesSheet } from './initiatives';
import { budgetSheet, trappanSheet } from './money';
import { partiesSheet } from './parties';
import { platformGroupsSheet, platformsSheet } from './platforms';
import { areasSheet, indicatorsSheet } from './social-budget';
import { targetsSheet } from './targets';
import { templatesSheet } from './templates';

export { IDENTITY } from './identity';
export { availableTemplates } from './templates';
export { INPUT_SOURCE } from './social-budget';

/**
 * The sheets of the *Inställningar* workbook, in order. Reading applies them in this order, so
 * the social budget's two sheets build on each other and parties come before what names them.
 */
export const SETTINGS_SHEETS: readonly SettingsSheet[] = [
  identitySheet,
  partiesSheet,
  platformsSheet,
  platformGroupsSheet,
  templatesSheet,
  targetsSheet,
  areasSheet,
  indicatorsSheet,
  budgetSheet,
  initiativesSheet,
  trappanSheet,
  deadlinesSheet,
];
