/**
 * Member contributions (medlemsavgifter, seed 001 budget): the state via Försäkringskassan pays
 * 50 %, the Region 25 % and the kommuner 25 %, split among them by share of the working-age
 * population. Amounts are whole tkr, so every split rounds — and the parts must still add up
 * to what is split.
 */

/**
 * Splits a whole-number total in proportion to `weights` so the parts add up to the total
 * exactly (Hamilton's largest-remainder method): every part gets its share rounded down, and
 * the units left over go to the largest remainders — ties to the larger weight, then to the
 * earlier part, so the result never depends on chance.
 *
 * @example
 * largestRemainder(5677, [25, 25]) // [2839, 2838] (seed 001: Region 2 839, kommunerna 2 838)
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total)) throw new RangeError(`Totalen ska vara ett heltal, inte ${total}`);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum <= 0 || weights.some((w) => w < 0)) throw new RangeError('Vikterna ska vara ≥ 0 och inte alla 0');
  const exact = weights.map((w) => (total * w) / weightSum);
  // Round away binary noise before flooring: 2838 × 5 / 100 is 141.9, not 141.89999….
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x - floors[i]!, weight: weights[i]! }))
    .sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || a.i - b.i);
  const parts = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/**
 * The split seed 001 appears to use instead: every kommun but the largest rounded half-up on
 * its own, the largest taking what is left. Kept to show where the published budget comes
 * from; {@link largestRemainder} is the method Samlad uses.
 */
export function residualToLargest(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const largest = weights.indexOf(Math.max(...weights));
  const parts = weights.map((w, i) => (i === largest ? 0 : Math.round((total * w) / weightSum + 1e-9)));
  parts[largest] = total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export interface ContributionKeys {
  /** Percent of the total paid by the state via FK, the Region and the kommuner together. */
  state: number;
  region: number;
  kommuner: number;
}

export interface ContributionSplit {
  total: number;
  state: number;
  region: number;
  kommuner: number;
  /** Per kommun party id, in the order of `populationShares`. */
  perKommun: { kommun: string; share: number; amount: number }[];
}

/**
 * The contribution split in two steps, each adding up: the total into state / Region /
 * kommuner, then the kommuner's part by population share.
 *
 * @example
 * splitContributions(11354, {state: 50, region: 25, kommuner: 25}, {umea: 83.7, …}).region // 2839
 */
export function splitContributions(
  total: number,
  keys: ContributionKeys,
  populationShares: Readonly<Record<string, number>>,
): ContributionSplit {
  const [state = 0, region = 0, kommuner = 0] = largestRemainder(total, [keys.state, keys.region, keys.kommuner]);
  const ids = Object.keys(populationShares);
  const shares = ids.map((id) => populationShares[id] ?? 0);
  const amounts = largestRemainder(kommuner, shares);
  return {
    total,
    state,
    region,
    kommuner,
    perKommun: ids.map((kommun, i) => ({ kommun, share: shares[i]!, amount: amounts[i]! })),
  };
}
