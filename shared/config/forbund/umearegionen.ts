import type { ForbundConfigInput } from '../../model/forbund-schema';
import { budget2023, budget2024, budget2025, budget2026 } from './umearegionen-budget';
import { initiatives2024 } from './umearegionen-initiativ';
import { socialBudget2022, socialBudget2023 } from './umearegionen-social-budget';

/** Seed 001, budget 2024–2026: the kommuner's 25 % is split by share of the working-age population. */
const populationShares = { umea: 83.7, vannas: 5, nordmaling: 3.7, vindeln: 2.8, robertsfors: 3.6, bjurholm: 1.2 };

/** Samordningsförbundet Umeåregionen (seeds 001–004). */
export const umearegionen: ForbundConfigInput = {
  id: 'umearegionen',
  name: 'Samordningsförbundet Umeåregionen',
  shortName: 'Umeåregionen',
  parties: [
    { id: 'af', name: 'Arbetsförmedlingen', kind: 'af', fundingMember: false },
    { id: 'fk', name: 'Försäkringskassan', kind: 'fk', fundingMember: true },
    { id: 'region', name: 'Region Västerbotten', kind: 'region', fundingMember: true },
    { id: 'umea', name: 'Umeå kommun', shortName: 'Umeå', kind: 'kommun', kommunkod: '2480', fundingMember: true },
    {
      id: 'vannas',
      name: 'Vännäs kommun',
      shortName: 'Vännäs',
      kind: 'kommun',
      kommunkod: '2460',
      fundingMember: true,
    },
    {
      id: 'vindeln',
      name: 'Vindelns kommun',
      shortName: 'Vindeln',
      kind: 'kommun',
      kommunkod: '2404',
      fundingMember: true,
    },
    {
      id: 'robertsfors',
      name: 'Robertsfors kommun',
      shortName: 'Robertsfors',
      kind: 'kommun',
      kommunkod: '2409',
      fundingMember: true,
    },
    {
      id: 'nordmaling',
      name: 'Nordmalings kommun',
      shortName: 'Nordmaling',
      kind: 'kommun',
      kommunkod: '2401',
      fundingMember: true,
    },
    {
      id: 'bjurholm',
      name: 'Bjurholms kommun',
      shortName: 'Bjurholm',
      kind: 'kommun',
      kommunkod: '2403',
      fundingMember: true,
    },
    { id: 'kriminalvarden', name: 'Kriminalvården', kind: 'kriminalvarden', fundingMember: false },
  ],
  platforms: [
    {
      id: 'ungdomstorget',
      name: 'Ungdomstorget',
      description: 'Arbetsmarknadstorget i Umeå för unga 18–25 år',
      reportedBy: ['umea'],
    },
    {
      id: 'vuxentorget',
      name: 'Vuxentorget',
      description: 'Arbetsmarknadstorget i Umeå för vuxna 25–64 år',
      reportedBy: ['umea'],
    },
    {
      id: 'samordningsteamen',
      name: 'Samordningsteamen i kranskommunerna',
      shortName: 'Samordningsteamen',
      description: 'Samordningsteamen i Vännäs, Vindeln, Robertsfors, Nordmaling och Bjurholm',
      reportedBy: ['vannas', 'vindeln', 'robertsfors', 'nordmaling', 'bjurholm'],
    },
  ],
  platformGroups: [
    {
      id: 'arbetsmarknadstorgen',
      name: 'Arbetsmarknadstorgen',
      platforms: ['ungdomstorget', 'vuxentorget', 'samordningsteamen'],
    },
  ],
  // In the order the consolidated workbook shows them (seed 004: participants, Impactindex, indicators, money).
  templates: [
    'deltagare-avslut',
    'impactindex-underlag',
    'strategiska-indikatorer',
    'helarsekvivalenter',
    'ekonomi-utfall',
    'eget-kapital',
    'samverkansinitiativ',
  ],
  years: {
    // 2022's social budget is chosen to reproduce the published 2022 indices (see its file).
    '2022': { socialBudget: socialBudget2022 },
    '2023': { budget: budget2023, socialBudget: socialBudget2023 },
    '2024': { populationShares, budget: budget2024, initiatives: initiatives2024 },
    '2025': { populationShares, budget: budget2025 },
    '2026': { populationShares, budget: budget2026 },
  },
};
