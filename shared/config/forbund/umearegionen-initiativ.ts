import type { Initiative } from '../../model/forbund-schema';

/**
 * Umeåregionen's samverkansinitiativ 2024 (seed 001, "Samverkansinitiativ 2024", and the same
 * list in seed 002). The seeds number them 1–10, 12 and 13: there is no initiative 11. Where a
 * seed names no one responsible for follow-up, the initiative's "Ansvar" stands in (noted).
 */
export const initiatives2024: Initiative[] = [
  // Ohälsa
  {
    id: 'unga_aktivitetsersattning',
    number: 1,
    name: 'Unga med aktivitetsersättning',
    area: 'Ohälsa',
    parties: ['Regionen', 'Försäkringskassan', 'Arbetsförmedlingen', 'Kommunerna'],
    sammankallande: 'Försäkringskassan',
    uppfoljningsansvarig: 'Processledare och koordinatorer, Arbetsmarknadstorgen, samt Försäkringskassan',
    indicator: 'Antalet unga med aktivitetsersättning som deltar i Arbetsmarknadstorgen',
  },
  {
    id: 'medicinska_underlag',
    number: 2,
    name: 'Medicinska underlag sjukskrivna arbetslösa',
    area: 'Ohälsa',
    parties: ['Regionen', 'Försäkringskassan'],
    sammankallande: 'Försäkringskassan',
    uppfoljningsansvarig: 'Försäkringskassan',
    indicator: 'Genomsnittlig tid (sjukfallets längd) till aktualisering GK för sjukskrivna arbetslösa',
  },
  {
    id: 'sjukskrivningsmonster',
    number: 3,
    name: 'Sjukskrivningsmönster',
    area: 'Ohälsa',
    parties: ['Regionen', 'Försäkringskassan'],
    sammankallande: 'Försäkringskassan',
    uppfoljningsansvarig: 'Regionen och Försäkringskassan',
    indicator: 'Regelbundna möten där Försäkringskassan och Regionen jämför statistik',
  },
  {
    id: 'daglig_verksamhet',
    number: 4,
    name: 'Flöden mellan daglig verksamhet och arbetslivsinriktad rehabilitering',
    area: 'Ohälsa',
    parties: ['Umeå kommun'],
    sammankallande: 'En särskild styrgrupp',
    uppfoljningsansvarig: 'Processledare Torgen och arbetsgrupp',
    indicator: 'Antal personer i daglig verksamhet som går från sysselsättning till arbete eller studier',
  },
  {
    id: 'forsorjningsstod_ohalsa',
    number: 5,
    name: 'Personer med lång tid i försörjningsstöd på grund av ohälsa',
    area: 'Ohälsa',
    parties: ['Regionen', 'Socialtjänsterna', 'Försäkringskassan'],
    sammankallande: 'Socialtjänsten (försörjningsstödet)',
    // The seeds name no one for follow-up; "Ansvar" is Socialtjänsten (försörjningsstödet) and Regionen.
    uppfoljningsansvarig: 'Socialtjänsten (försörjningsstödet) och Regionen',
    indicator: 'Varaktighet i försörjningsstöd med ohälsa som orsak, snitt bidragsmånader (nov–okt)',
  },
  // Arbetslöshet
  {
    id: 'saknar_gymnasieutbildning',
    number: 6,
    name: 'Arbetssökande som saknar gymnasieutbildning',
    area: 'Arbetslöshet',
    parties: ['Arbetsförmedlingen', 'Arbetsmarknadsavdelningarna'],
    sammankallande: 'Arbetsförmedlingen',
    uppfoljningsansvarig: 'Arbetsförmedlingen',
    indicator: 'Omsättning till reguljära studier för unga och för vuxna kortutbildade',
  },
  {
    id: 'funktionsnedsattning',
    number: 7,
    name: 'Arbetssökande med funktionsnedsättning',
    area: 'Arbetslöshet',
    parties: ['Arbetsförmedlingen', 'Försäkringskassan', 'Kommunerna', 'Regionen'],
    sammankallande: 'Arbetsförmedlingen',
    uppfoljningsansvarig: 'Arbetsförmedlingen',
    indicator: 'Omsättning till arbete/reguljära studier helår för funktionsnedsatta',
  },
  {
    id: 'utrikesfodda',
    number: 8,
    name: 'Utrikesfödda arbetslösa',
    area: 'Arbetslöshet',
    parties: ['Arbetsförmedlingen', 'Kommunerna'],
    sammankallande: 'Arbetsmarknad- och integrationsavdelningen (styrgrupp för etablering)',
    uppfoljningsansvarig: 'Arbetsförmedlingen',
    indicator: 'Antal långtidsarbetslösa utrikes födda',
  },
  {
    id: 'forsorjningsstod_arbetsloshet',
    number: 9,
    name: 'Motverka långa tider i försörjningsstöd på grund av arbetslöshet',
    area: 'Arbetslöshet',
    parties: ['Arbetsförmedlingen', 'Kommunerna'],
    sammankallande: 'Socialtjänsterna (försörjningsstöd)',
    uppfoljningsansvarig: 'Socialtjänsterna',
    indicator: 'Andel ej återaktualiserade personer med försörjningsstöd',
  },
  {
    id: 'krami',
    number: 10,
    name: 'Översyn av Krami',
    area: 'Arbetslöshet',
    parties: ['Kriminalvården', 'Arbetsförmedlingen', 'Kommunerna'],
    sammankallande: 'Kriminalvården',
    uppfoljningsansvarig: 'Kriminalvården',
    indicator: 'Ett färdigt gemensamt förslag till reformerad lokal Kramiverksamhet',
  },
  // Förebyggande och förutsättningar för samverkan
  {
    id: 'behorighet_gymnasiet',
    number: 12,
    name: 'Unga som saknar behörighet till gymnasiet – IM',
    area: 'Förebyggande',
    parties: ['Gymnasieskolan'],
    sammankallande: 'Gymnasieskolan',
    uppfoljningsansvarig: 'Gymnasieskolan',
    indicator: 'Hur många elever utan grundskoleexamen som tar en gymnasieexamen',
  },
  {
    id: 'sdk',
    number: 13,
    name: 'SDK – Säker digital kommunikation',
    area: 'Förebyggande',
    parties: ['Arbetsförmedlingen', 'Försäkringskassan', 'Regionen', 'Kommunerna'],
    sammankallande: 'Samordningsförbundet',
    // The seeds name no one for follow-up; "Ansvar" is the parties and Samordningsförbundet.
    uppfoljningsansvarig: 'Kommunerna, Regionen, Arbetsförmedlingen och Samordningsförbundet',
    indicator: 'Förutsättningar för införande av SDK finns på plats',
  },
];
