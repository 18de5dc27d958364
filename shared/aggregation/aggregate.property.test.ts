import fc from 'fast-check';
import { registry } from '../config/registry';
import { periodSpan, requirePeriod } from '../model/period';
import { resolveTemplate } from '../model/resolve';
import { findForbund, findTemplate } from '../model/selectors';
import { validateSubmission } from '../validation/validate';
import { aggregateParticipants } from './aggregate-participants';
import { suggestMapping, type ParticipantTable } from './table-mapping';

const forbund = findForbund(registry, 'umearegionen')!;
const definition = findTemplate(registry, 'deltagare-avslut', 2023)!;
const template = resolveTemplate(definition, forbund, 2023);

const day = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const rowArb = fc.record({
  kon: fc.constantFrom('K', 'Kvinna', 'kvinna', 'M', 'Man', 'män', '', 'Annat'),
  fodd: fc.integer({ min: 1950, max: 2010 }),
  start: fc.option(day, { nil: '' }),
  length: fc.option(fc.integer({ min: -30, max: 500 }), { nil: undefined }),
  orsak: fc.constantFrom(
    'Arbete',
    'Studier',
    'Vidare AF',
    'Saknar arbetsförmåga',
    'Hälsoskäl',
    'Avbrott',
    '',
    'Flyttat',
  ),
  part: fc.constantFrom('AF', 'FK', 'Socialtjänsten', 'Övriga kommunala verksamheter', 'Region', 'Kriminalvården', ''),
  beslut: fc.constantFrom('Ja', 'Nej', ''),
});

function endOf(start: string, length: number | undefined): string {
  if (start === '' || length === undefined) return '';
  return new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
}

describe('aggregates always satisfy the template', () => {
  it('validateSubmission finds nothing wrong, and every row is accounted for', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        fc.constantFrom('2023T1', '2023T2', '2023T3', '2024T1'),
        fc.boolean(),
        (rows, periodId, cumulative) => {
          const table: ParticipantTable = {
            headers: [
              'Kön',
              'Födelseår',
              'Startdatum',
              'Avslutsdatum',
              'Avslutsorsak',
              'Aktualiserande part',
              'Beslut',
            ],
            rows: rows.map((r) => [r.kon, r.fodd, r.start, endOf(r.start, r.length), r.orsak, r.part, r.beslut]),
            firstRowNumber: 2,
          };
          const result = aggregateParticipants(table, suggestMapping(table, []), {
            span: periodSpan(requirePeriod(periodId), cumulative),
          });
          const { findings } = validateSubmission(template, result.values, { submitter: 'kommun' });
          expect(findings).toEqual([]);
          expect(
            result.used + result.outsidePeriod + result.otherPlatform + result.blank + result.rejected.length,
          ).toBe(rows.length);
          expect(Object.keys(result.values).sort()).toEqual(template.cells.map((c) => c.id).sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
