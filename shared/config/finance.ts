import type { ContributionKeys } from '../indices/contributions';

/**
 * National rules for the förbund's money, shared by every förbund.
 */

/**
 * Lag (2003:1210) om finansiell samordning, 9 §: the state (via Försäkringskassan) pays half,
 * the Region and the kommuner a quarter each (seed 004, 1.2.5; seed 001, budget 2024–2026).
 */
export const CONTRIBUTION_KEYS: ContributionKeys = { state: 50, region: 25, kommuner: 25 };

export interface TrappanStep {
  /** The part of the basis (tkr) this step covers, from `from` up to `to` (open-ended when absent). */
  from: number;
  to?: number;
  /** Recommended maximum equity, percent of the basis within the step. */
  percent: number;
  /** True where the step is not published in the seeds; results using it say so. */
  illustrative: boolean;
}

export interface TrappanConfig {
  /** Where the steps come from. */
  source: string;
  /**
   * What the percentages apply to. The recommendation speaks of "tilldelningen", but seed 004
   * applies it to verksamhetens intäkter: 20 % × 7 000 + 15 % × (11 583 − 7 000) = 2 087 tkr,
   * the figure it states; the stated tilldelning 11 380 tkr would give 2 057.
   */
  basis: 'verksamhetens-intakter';
  steps: TrappanStep[];
}

/**
 * Nationella rådets recommended maximum equity ("trappan"), as quoted in seed 004 §1.4:
 * "För samordningsförbund med tilldelning upp till 15 mkr bör det egna kapitalet uppgå till
 * maximalt 20 % av tilldelningen upp till 7 000 tkr och 15 % av beloppet däröver." The
 * recommendation itself (Nationella rådet 2013-10-02, cited by Försäkringskassan's
 * fördelningsmodell 2015) was not available here: only these two steps are known, up to
 * 15 000 tkr. THE STEP ABOVE 15 000 TKR IS ILLUSTRATIVE (10 %, continuing the falling
 * staircase); a förbund that large must check the real figure before relying on it.
 */
export const TRAPPAN: TrappanConfig = {
  source:
    'Nationella rådets rekommendation om eget kapital (2013-10-02), så som den återges i ' +
    'Umeåregionens årsredovisning 2023, avsnitt 1.4',
  basis: 'verksamhetens-intakter',
  steps: [
    { from: 0, to: 7000, percent: 20, illustrative: false },
    { from: 7000, to: 15000, percent: 15, illustrative: false },
    { from: 15000, percent: 10, illustrative: true },
  ],
};

/** Small-count suppression in the published variant of the consolidated workbook. */
export interface SuppressionConfig {
  /** Counts from 1 up to and including this are hidden. */
  limit: number;
  /** What stands in their place. */
  mark: string;
  /** The footnote explaining the mark. */
  footnote: string;
}

/**
 * Bjurholm has about 2 500 inhabitants: a count of 1–4 can point at a person there. Four is
 * a common limit for Swedish official statistics on small areas.
 */
export const SUPPRESSION: SuppressionConfig = {
  limit: 4,
  mark: '–',
  footnote:
    '– = värdet är 1–4, eller döljs för att ett sådant värde inte ska kunna räknas fram eller ringas in ur ' +
    'tabellens summor och regler. Det visas inte för att skydda enskilda.',
};
