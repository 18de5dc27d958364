import type { ForbundConfigInput } from '../../model/forbund-schema';

/** Samordningsförbundet Skellefteå-Norsjö (seed 000). */
export const skellefteaNorsjo: ForbundConfigInput = {
  id: 'skelleftea-norsjo',
  name: 'Samordningsförbundet Skellefteå-Norsjö',
  shortName: 'Skellefteå-Norsjö',
  parties: [
    { id: 'af', name: 'Arbetsförmedlingen', kind: 'af', fundingMember: false },
    { id: 'fk', name: 'Försäkringskassan', kind: 'fk', fundingMember: true },
    { id: 'region', name: 'Region Västerbotten', kind: 'region', fundingMember: true },
    {
      id: 'skelleftea',
      name: 'Skellefteå kommun',
      shortName: 'Skellefteå',
      kind: 'kommun',
      kommunkod: '2482',
      fundingMember: true,
    },
    {
      id: 'norsjo',
      name: 'Norsjö kommun',
      shortName: 'Norsjö',
      kind: 'kommun',
      kommunkod: '2417',
      fundingMember: true,
    },
  ],
  platforms: [
    {
      id: 'arbsam',
      name: 'ArbSam',
      description: 'Arbetslivs- och samverkanscenter, Skellefteå',
      reportedBy: ['skelleftea'],
    },
  ],
  platformGroups: [],
  templates: ['arbsam', 'strategiska-indikatorer', 'helarsekvivalenter'],
  // Seed 000's year. Its parties, platforms and templates carry on to later years until kansliet changes them.
  years: { '2023': {} },
};
