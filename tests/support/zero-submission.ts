/**
 * A complete, valid deltagare-avslut submission of zeros (every total adds up) for the
 * Ungdomstorget platform: for tests that need a stored submission and care not what it holds.
 * A Umeå reporter may send it.
 */
export function zeroSubmission(period: string): {
  templateId: string;
  period: string;
  scope: string;
  values: Record<string, number>;
} {
  const values: Record<string, number> = {};
  const rows = ['antal', 'nya', 'avslutade', 'positiv', 'arbete', 'studier', 'vidare_af', 'saknar_arbetsformaga'];
  for (const row of [...rows, 'halsoskal', 'avbrott', 'kvar'])
    for (const c of ['k', 'm', 'tot']) values[`deltagare.${row}.${c}`] = 0;
  for (const row of ['aktualiserade', 'ja', 'nej']) {
    for (const c of ['af', 'fk', 'soc', 'ovr_kommun', 'region', 'kriminalvarden', 'tot'])
      values[`aktualiserade.${row}.${c}`] = 0;
    for (const c of ['k', 'm', 'tot']) values[`aktualiserade_kon.${row}.${c}`] = 0;
  }
  return { templateId: 'deltagare-avslut', period, scope: 'ungdomstorget', values };
}
