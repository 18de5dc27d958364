/**
 * Läs tabellen on a large own table: 100,000 participants × 10 columns, read through the
 * gateway on office-addin-mock (which refuses a round trip over Excel on the web's 5 MB, as
 * Excel does) and counted for the period in the pane's aggregation. Round trips must stay
 * within 2 + the number of chunks.
 */
import { aggregateParticipants } from '../../shared/aggregation/aggregate-participants';
import { suggestMapping } from '../../shared/aggregation/table-mapping';
import { periodSpan, requirePeriod } from '../../shared/model/period';
import type { ExcelCapabilities } from '../../addin/src/excel/capabilities';
import type { Gateway, MockExcelState } from './addin-gateway';
import type { BenchRow } from './report';

export const LARGE_ROWS = 100_000;
const HEADERS = [
  'Kön',
  'Födelseår',
  'Startdatum',
  'Avslutsdatum',
  'Avslutsorsak',
  'Aktualiserande part',
  'Aktualiseringsdatum',
  'Beslut',
  'Plattform',
  'Handläggare',
];
const REASONS = ['Arbete', 'Studier', 'Hälsoskäl', 'Avbrott', 'Arbetsförmedlingen'];
const PARTIES = ['AF', 'FK', 'Socialtjänsten', 'Region', 'Övriga kommunala verksamheter'];

/** A coordinator's table as Excel holds it: dates as serial numbers, words as typed, an Excel table. */
function largeTable(gateway: Gateway, rows: number): MockExcelState {
  const cells: Record<string, unknown> = {};
  HEADERS.forEach((h, c) => (cells[gateway.a1(1, 1 + c)] = h));
  for (let r = 0; r < rows; r++) {
    const start = 44_927 + (r % 700); // 2023-01-01 and the 700 days after
    const closed = r % 3 === 0;
    const row = [
      r % 2 === 0 ? 'Kvinna' : 'Man',
      1960 + (r % 45),
      start,
      closed ? start + 90 : '',
      closed ? REASONS[r % REASONS.length] : '',
      PARTIES[r % PARTIES.length],
      start - 14,
      r % 10 === 0 ? 'Nej' : 'Ja',
      r % 4 === 0 ? 'Ungdomstorget' : 'Vuxentorget',
      `Handläggare ${r % 40}`,
    ];
    row.forEach((v, c) => (cells[gateway.a1(2 + r, 1 + c)] = v));
  }
  const address = `A1:J${1 + rows}`;
  return {
    sheets: [{ name: 'Deltagare', cells }],
    selection: { sheet: 'Deltagare', region: address, table: { name: 'Deltagare', address } },
  };
}

export async function benchLargeTable(gateway: Gateway, capabilities: ExcelCapabilities): Promise<BenchRow[]> {
  const state = largeTable(gateway, LARGE_ROWS);
  const excel = new gateway.MockExcel(state).install();
  const started = performance.now();
  const { table } = await gateway.readOwnTable({ ...capabilities, customXml: false });
  const read = performance.now() - started;
  const platforms = [
    { id: 'ungdomstorget', name: 'Ungdomstorget' },
    { id: 'vuxentorget', name: 'Vuxentorget' },
  ];
  const own = table as unknown as { headers: unknown[]; rows: unknown[][]; firstRowNumber: number };
  const counted = aggregateParticipants(own, suggestMapping(own, platforms), {
    span: periodSpan(requirePeriod('2023T3'), true),
    platform: 'vuxentorget',
  });
  const total = performance.now() - started;
  // An Excel table: the block and the table's own range with their heads take two round trips.
  const chunks = excel.syncs - 2;
  const goal = 2 + chunks;
  return [
    {
      measure:
        `Läs tabellen, ${LARGE_ROWS.toLocaleString('en')} rows × ${HEADERS.length} columns (Excel table): ` +
        'round trips (head + chunks); largest round trip',
      value: `${excel.syncs} (2 + ${chunks} chunks); ${(excel.largestPayload / 1e6).toFixed(2)} MB`,
      goal: `≤ 2 + chunks, each ≤ 5 MB`,
      met: excel.syncs <= goal && excel.largestPayload <= 5_000_000 && own.rows.length === LARGE_ROWS,
    },
    {
      measure: `Läs tabellen and Räkna, ${LARGE_ROWS.toLocaleString('en')} rows: read on the mock / read + aggregate`,
      value: `${read.toFixed(0)} ms / ${total.toFixed(0)} ms (${counted.used.toLocaleString('en')} rows counted)`,
    },
  ];
}
