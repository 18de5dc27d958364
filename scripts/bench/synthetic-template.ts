/**
 * A 2,000-cell template built through the same zod schema as the shipped ones: one section of
 * 200 rows × 10 columns (nine counts and their total), the last row the sum of the others.
 * Every row's total is a sum rule and every column's Summa is a sum over 199 rows, so
 * validation does the work a large real template would: 2,000 coercions and 210 rule checks.
 * The shipped templates are far smaller (the largest has 63 cells).
 */
import {
  buildRegistry,
  findForbund,
  findTemplate,
  resolveTemplate,
  type Registry,
  type ResolvedTemplate,
  type TemplateDefinitionInput,
} from '../../shared';
import { umearegionen } from '../../shared/config/forbund/umearegionen';

export const BENCH_TEMPLATE_ID = 'bench-2000';
export const BENCH_YEAR = 2023;
export const BENCH_PERIOD = '2023';
const DATA_ROWS = 199;
const PARTS = 9;

const partColumns = Array.from({ length: PARTS }, (_, i) => `c${i + 1}`);

export const benchTemplateInput: TemplateDefinitionInput = {
  id: BENCH_TEMPLATE_ID,
  version: 1,
  years: { from: 2020, to: 2030 },
  title: 'Syntetisk mall med 2 000 celler (benchmark)',
  sheetName: 'Benchmark',
  help: 'Används bara av npm run bench.',
  period: { kind: 'year', cumulative: false },
  scope: 'forbund',
  submitters: ['kommun'],
  sections: [
    {
      id: 'tabell',
      title: 'Tabell',
      cell: { kind: 'count' },
      columns: [...partColumns.map((id, i) => ({ id, label: `Del ${i + 1}` })), { id: 'tot', label: 'Totalt' }],
      rows: [
        ...Array.from({ length: DATA_ROWS }, (_, i) => ({
          id: `r${String(i + 1).padStart(3, '0')}`,
          label: `Rad ${i + 1}`,
        })),
        { id: 'summa', label: 'Summa' },
      ],
    },
  ],
  rules: [
    {
      id: 'radsumma',
      check: 'sum',
      severity: 'fel',
      description: 'Totalt ska vara summan av delarna',
      target: 'tabell.*.tot',
      terms: partColumns.map((c) => `tabell.*.${c}`),
    },
    {
      id: 'kolumnsumma',
      check: 'sum',
      severity: 'fel',
      description: 'Summa ska vara summan av raderna',
      target: 'tabell.summa.*',
      terms: ['tabell.+.*'],
    },
  ],
};

/** The shipped Umeåregionen with the bench template as its only one. */
export const benchRegistry: Registry = buildRegistry(
  [{ ...umearegionen, templates: [BENCH_TEMPLATE_ID] }],
  [benchTemplateInput],
);

export function benchTemplate(): ResolvedTemplate {
  const forbund = findForbund(benchRegistry, 'umearegionen')!;
  return resolveTemplate(findTemplate(benchRegistry, BENCH_TEMPLATE_ID, BENCH_YEAR)!, forbund, BENCH_YEAR);
}
