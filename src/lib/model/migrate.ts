/**
 * Migration of saved scenarios to the current schema. Every reader of scenario data (the
 * database, an imported file, a share link) validates through `validateScenario`, which migrates
 * first, so a file written by an earlier version opens with the same meaning.
 *
 * Version 1 → 2:
 * - pricing as a float over LPR (rate = LPR·(1 + markup)) becomes a spread in basis points at the
 *   scenario's own LPR (spread = LPR·markup·10⁴), so every loan rate is unchanged;
 * - turnover in EUR millions becomes yuan (× CNY_PER_EUR × 10⁶);
 * - the coherent model's new inputs take the demo bank's values for the segments the demo knows
 *   (large / mid / small) and neutral values otherwise (no franchise limit, no acquisition cost);
 * - the capital regime gets its defaults (no IRB scaling, the 72.5% output floor).
 */
import { CNY_PER_EUR, OUTPUT_FLOOR } from './capital';
import { demoScenario } from './demo';
import { SCHEMA_VERSION } from './scenario';

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Inputs version 2 added to a segment, by the demo's segment key; neutral for any other key. */
function newSegmentInputs(key: unknown): Json {
  const demo = demoScenario.segments.find((s) => s.key === key);
  if (demo) {
    return {
      franchiseShare: demo.franchiseShare,
      franchisePdSlope: demo.franchisePdSlope,
      franchiseSpreadSlopeBp: demo.franchiseSpreadSlopeBp,
      acquisitionCostPerClient: demo.acquisitionCostPerClient,
      undrawnPerLoan: demo.undrawnPerLoan,
      smallMicroCap: demo.smallMicroCap,
    };
  }
  return { franchiseShare: 1, franchisePdSlope: 0, franchiseSpreadSlopeBp: 0, acquisitionCostPerClient: 0, undrawnPerLoan: 0, smallMicroCap: null };
}

function toBp(markup: unknown, lpr: number): unknown {
  return typeof markup === 'number' && Number.isFinite(markup) ? Math.round(lpr * markup * 1e4 * 100) / 100 : markup;
}

function fromVersion1(data: Json): Json {
  const market = isObject(data.market) ? data.market : {};
  const lpr = typeof market.lpr1y === 'number' ? market.lpr1y : 0;
  const segments = Array.isArray(data.segments)
    ? data.segments.map((seg: unknown) => {
        if (!isObject(seg)) return seg;
        const { markup, marketMarkup, turnoverEurMillions, ...rest } = seg;
        return {
          ...rest,
          spreadBp: toBp(markup, lpr),
          marketSpreadBp: toBp(marketMarkup, lpr),
          turnover: typeof turnoverEurMillions === 'number' ? turnoverEurMillions * 1e6 * CNY_PER_EUR : turnoverEurMillions,
          ...newSegmentInputs(seg.key),
        };
      })
    : data.segments;
  const settings = isObject(data.settings) ? data.settings : {};
  return {
    ...data,
    schemaVersion: 2,
    market: isObject(data.market)
      ? { ftpPassThrough: demoScenario.market.ftpPassThrough, hqlaYield: demoScenario.market.hqlaYield, ...data.market }
      : data.market,
    segments,
    settings: { irbScalingFactor: 1, outputFloor: OUTPUT_FLOOR, ...settings },
  };
}

/**
 * Brings scenario data of an earlier schema version to the current one; anything else (the
 * current version, an unknown one, not an object) is returned as it is, for the validator to judge.
 * @example migrateScenario({ schemaVersion: 1, … }).schemaVersion // 2
 */
export function migrateScenario(data: unknown): unknown {
  if (!isObject(data)) return data;
  let out = data;
  if (out.schemaVersion === 1) out = fromVersion1(out);
  return out.schemaVersion === SCHEMA_VERSION ? out : data;
}
