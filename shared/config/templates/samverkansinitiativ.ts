import type { TemplateDefinitionInput } from '../../model/template-schema';

/** Seed 002's two scales, "Lätt/Lång tid", written as users pick them from a list. */
const GENOMFORBARHET = [
  'Lätt, kort tid',
  'Lätt, lång tid',
  'Medel, kort tid',
  'Medel, lång tid',
  'Svår, kort tid',
  'Svår, lång tid',
];
const INITIATIVE_STATUS = ['Ej påbörjat', 'Pågående', 'Genomfört', 'Avvecklat'];

/**
 * Follow-up of the year's samverkansinitiativ (seed 002; the list in seed 001): status,
 * feasibility and the assessed impact on helårsekvivalenter per initiative. The initiatives come
 * from the förbund's configuration for the year.
 */
export const samverkansinitiativ: TemplateDefinitionInput = {
  id: 'samverkansinitiativ',
  version: 1,
  // Initiatives are configured for 2024 only (seed 001/002); extend `to` when the board decides
  // a later year's initiatives and they are added to the förbund's configuration.
  years: { from: 2024, to: 2024 },
  title: 'Uppföljning av samverkansinitiativ',
  sheetName: 'Samverkansinitiativ',
  help: 'Analysgruppens bedömning per initiativ. Lämna genomförbarhet och påverkan tomma om de inte är bedömda.',
  period: { kind: 'year', cumulative: false },
  scope: 'forbund',
  // Analysgruppen's joint assessment, entered by kansliet (analysgruppen is no party kind).
  submitters: [],
  sections: [
    {
      id: 'initiativ',
      title: 'Samverkansinitiativ',
      cell: { kind: 'text' },
      required: false,
      columns: [
        { id: 'status', label: 'Status', cell: { kind: 'choice', choices: INITIATIVE_STATUS }, required: true },
        { id: 'genomforbarhet', label: 'Genomförbarhet', cell: { kind: 'choice', choices: GENOMFORBARHET } },
        {
          id: 'paverkan',
          label: 'Påverkan på helårsekvivalenter (1–5)',
          help: '1 = liten, 5 = stor påverkan på antalet helårsekvivalenter.',
          cell: { kind: 'count', min: 1, max: 5 },
        },
        {
          id: 'indikatorvarde',
          label: 'Indikatorvärde',
          help: 'Värdet för initiativets indikator, om det finns.',
          cell: { kind: 'decimal' },
        },
        { id: 'kommentar', label: 'Kommentar' },
      ],
      rowSource: { source: 'initiatives' },
    },
  ],
  rules: [],
  // Seed 002's summary: how many initiatives per status and feasibility, then each one's assessment.
  consolidation: {
    title: 'Samverkansinitiativ – status, genomförbarhet och påverkan',
    // The impact score 1–5 and the indicator value are assessments, not counts of people.
    additive: [],
    suppress: [],
    comparisons: [],
    layout: [
      { block: 'choices', section: 'initiativ', column: 'status', title: 'Initiativ per status' },
      { block: 'choices', section: 'initiativ', column: 'genomforbarhet', title: 'Initiativ per genomförbarhet' },
      { block: 'section', section: 'initiativ', title: 'Bedömning per initiativ' },
    ],
  },
};
