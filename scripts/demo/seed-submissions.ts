/**
 * The demo's figures from the seeds: Umeåregionen's 2023 (and 2022's, for the comparison) and
 * Skellefteå-Norsjö's ArbSam 2025, as the submissions each party would make: who submits what,
 * for which period and scope. The demo sends them through the API with each party's token;
 * tests use the same list.
 *
 * Sources (see each fixture's comment for what is published and what is illustrative):
 * - deltagare-avslut per platform, 2023T3 and 2022T3: seed 004 Tabell 1 and Bilaga 2
 *   (tests/fixtures/seeds/seed-004-platforms.ts; the split per platform is illustrative
 *   where the seed gives no per-platform raw figure);
 * - impactindex-underlag 2022 and 2023: survey inputs, chosen so that the method gives seed 004's
 *   published indices per platform and goal area (seed-004-impactindex.ts);
 * - strategiska-indikatorer 2022 and 2023 per kommun: seed 004 Bilaga 4, each row sent by
 *   the party that owns it (kommun, AF, FK; SCB rows by kansliet);
 * - helårsekvivalenter 2022H1 and 2023H1: SCB's table HE0000T02N2 as Statistikdatabasen serves it, a
 *   json-stat2 file from API v2 and a CSV download (tests/fixtures/scb, made-up figures), read as
 *   the pane's Importera SCB reads them;
 * - ekonomi-utfall 2023T3: seed 004 Bilaga 3; eget kapital 2022 and 2023: seed 004 §1.3;
 * - arbsam 2025 (Skellefteå-Norsjö): seed 000 section 2.3 as published, its errors included
 *   (tests/fixtures/seeds/seed-000-arbsam.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../../shared/model/cell-kind';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { resolveTemplate } from '../../shared/model/resolve';
import { findTemplate } from '../../shared/model/selectors';
import type { Registry } from '../../shared/config/registry';
import { arbsam2025 } from '../../tests/fixtures/seeds/seed-000-arbsam';
import { scbHelarsekvivalenter } from '../../shared/config/scb-helarsekvivalenter';
import { importScb, previewScbPeriod, readScbText } from '../../shared/scb';
import { bilaga3Utfall2023 } from '../../tests/fixtures/seeds/seed-004-bilaga-3';
import { bilaga4 } from '../../tests/fixtures/seeds/seed-004-bilaga-4';
import { impactInputs2022, impactInputs2023 } from '../../tests/fixtures/seeds/seed-004-impactindex';
import {
  platforms2022,
  platforms2023,
  samordningsteamen2023Comment,
} from '../../tests/fixtures/seeds/seed-004-platforms';

export interface DemoSubmission {
  templateId: string;
  period: string;
  scope: string;
  /** The party whose token sends it; 'kansli' for kansliet's own (accounts, SCB imports). */
  party: string;
  values: Record<string, CellValue>;
  comment?: string;
  /** Shown in the demo's progress line. */
  label: string;
}

/** Who sends each platform's figures: its coordinator's kommun. */
const PLATFORM_REPORTER = { ungdomstorget: 'umea', vuxentorget: 'umea', samordningsteamen: 'vannas' } as const;
const PLATFORM_NAME = {
  ungdomstorget: 'Ungdomstorget',
  vuxentorget: 'Vuxentorget',
  samordningsteamen: 'Samordningsteamen',
} as const;
type PlatformId = keyof typeof PLATFORM_REPORTER;
const PLATFORMS = Object.keys(PLATFORM_REPORTER) as PlatformId[];

function participants(year: '2022' | '2023'): DemoSubmission[] {
  const data = year === '2023' ? platforms2023 : platforms2022;
  return PLATFORMS.map((p) => ({
    templateId: 'deltagare-avslut',
    period: `${year}T3`,
    scope: p,
    party: PLATFORM_REPORTER[p],
    values: data[p],
    ...(year === '2023' && p === 'samordningsteamen' ? { comment: samordningsteamen2023Comment } : {}),
    label: `Deltagare och avslut ${PLATFORM_NAME[p]} ${year}`,
  }));
}

/** Strategic indicators split by row owner: each party sends only its own rows. */
function indicators(registry: Registry, forbund: ForbundConfig, year: '2022' | '2023'): DemoSubmission[] {
  const definition = findTemplate(registry, 'strategiska-indikatorer', Number(year));
  if (!definition) return [];
  const template = resolveTemplate(definition, forbund, Number(year));
  const out: DemoSubmission[] = [];
  for (const [kommun, byYear] of Object.entries(bilaga4)) {
    const values = byYear[year];
    const byParty = new Map<string, Record<string, CellValue>>();
    for (const [cellId, value] of Object.entries(values)) {
      const owner = template.cellById.get(cellId)?.owner?.[0];
      const party = owner === 'kommun' ? kommun : owner === 'scb' || owner === undefined ? 'kansli' : owner;
      byParty.set(party, { ...(byParty.get(party) ?? {}), [cellId]: value });
    }
    const kommunName = forbund.parties.find((p) => p.id === kommun)?.name ?? kommun;
    for (const [party, own] of byParty) {
      out.push({
        templateId: 'strategiska-indikatorer',
        period: year,
        scope: kommun,
        party,
        values: own,
        label: `Strategiska indikatorer ${kommunName} ${year} (${party === 'kansli' ? 'SCB via kansliet' : party})`,
      });
    }
  }
  return out;
}

/** SCB's files, read exactly as kansliet's import in the task pane reads them: 2022 from json-stat2, 2023 from CSV. */
function helarsekvivalenter(registry: Registry, root: string, forbund: ForbundConfig): DemoSubmission[] {
  const dir = join(root, 'tests/fixtures/scb');
  const config = scbHelarsekvivalenter;
  const templateFor = (period: string) => {
    const year = Number(period.slice(0, 4));
    const definition = findTemplate(registry, config.templateId, year);
    return definition && resolveTemplate(definition, forbund, year);
  };
  return [
    { period: '2022H1', file: 'he0000t02n2-umearegionen-api-v2.json', format: 'json-stat2' },
    { period: '2023H1', file: 'he0000t02n2-umearegionen.csv', format: 'CSV' },
  ].map(({ period, file, format }) => {
    const read = readScbText(file, readFileSync(join(dir, file)));
    const found = read.ok ? importScb(read, forbund, templateFor, config) : read;
    if (!found.ok) throw new Error(`SCB-filen (${format}): ${found.message}`);
    const { values, missing } = previewScbPeriod(found, forbund, templateFor(period)!, period, config);
    if (missing.length > 0)
      throw new Error(`SCB-filen (${format}) för ${period} saknar värden för ${missing.map((m) => m.name).join(', ')}`);
    return {
      templateId: config.templateId,
      period,
      scope: forbund.id,
      party: 'kansli',
      values,
      label: `Helårsekvivalenter ${period} (SCB, ${format})`,
    };
  });
}

/**
 * Skellefteå-Norsjö's 2025 (seed 000, section 2.3): Skellefteå kommun's ArbSam figures as the
 * annual report prints them, its three arithmetic errors included — varningar, sent with a
 * comment, that the consolidated workbook's Kontroll sheet names.
 */
function skellefteaSubmissions(): DemoSubmission[] {
  return [
    {
      templateId: 'arbsam',
      period: '2025',
      scope: 'arbsam',
      party: 'skelleftea',
      values: arbsam2025,
      comment:
        'Siffrorna som i verksamhetsberättelsen 2025. Remitterande myndigheter och forumets ärenden per myndighet ' +
        'är räknade för sig och stämmer inte helt med totalerna.',
      label: 'ArbSam 2025 (Skellefteå kommun)',
    },
  ];
}

/** The förbund the demo runs, each with the report period its figures make. */
export const DEMO_REPORTS = [
  { forbund: 'umearegionen', period: '2023T3' },
  { forbund: 'skelleftea-norsjo', period: '2025' },
] as const;

/**
 * Every submission of the demo for a förbund, in the order it sends them (last year first).
 *
 * @param root the repository root (where tests/fixtures lives)
 */
export function seedSubmissions(registry: Registry, forbund: ForbundConfig, root: string): DemoSubmission[] {
  if (forbund.id === 'skelleftea-norsjo') return skellefteaSubmissions();
  return umearegionenSubmissions(registry, forbund, root);
}

function umearegionenSubmissions(registry: Registry, forbund: ForbundConfig, root: string): DemoSubmission[] {
  const impact = (year: '2022' | '2023') =>
    PLATFORMS.map((p): DemoSubmission => ({
      templateId: 'impactindex-underlag',
      period: year,
      scope: p,
      party: PLATFORM_REPORTER[p],
      values: (year === '2023' ? impactInputs2023 : impactInputs2022)[p],
      label: `Impactindex-underlag ${PLATFORM_NAME[p]} ${year}`,
    }));
  return [
    ...participants('2022'),
    ...impact('2022'),
    ...indicators(registry, forbund, '2022'),
    {
      templateId: 'eget-kapital',
      period: '2022',
      scope: forbund.id,
      party: 'kansli',
      values: { 'eget_kapital.utgaende.tkr': 2036 },
      label: 'Eget kapital 2022',
    },
    ...participants('2023'),
    ...impact('2023'),
    ...indicators(registry, forbund, '2023'),
    ...helarsekvivalenter(registry, root, forbund),
    {
      templateId: 'ekonomi-utfall',
      period: '2023T3',
      scope: forbund.id,
      party: 'kansli',
      values: bilaga3Utfall2023,
      // The published subtotals differ from their lines by 1–2 tkr (each line rounded to tkr): a varning.
      comment: 'Summorna är avrundade per rad till hela tkr, som i årsredovisningen (bilaga 3).',
      label: 'Ekonomi – utfall 2023',
    },
    {
      templateId: 'eget-kapital',
      period: '2023',
      scope: forbund.id,
      party: 'kansli',
      values: { 'eget_kapital.utgaende.tkr': 2095 },
      label: 'Eget kapital 2023',
    },
  ];
}
