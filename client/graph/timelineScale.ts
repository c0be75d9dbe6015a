/**
 * Timeline scale
 * ==============
 * A piecewise-linear year scale for the timeline. The article's story runs from c. 500 BC to 2021,
 * but nearly everything it dates happens after 1500, so a linear axis would squeeze five centuries
 * of Safavid-to-Putin detail into a fifth of the width. The scale gives the years before
 * `COMPRESS_BEFORE` (1500) a short stretch at the left (`COMPRESSED_SHARE`, a fifth of the width:
 * enough for the Achaemenid-to-Mongol periods to carry a readable name and a tick every 250
 * years) and the years 1500–2021 the rest, so a decade after 1500 is ~15 times wider than one
 * before it.
 * The same scale drives the range sliders (their positions run 0..SLIDER_STEPS along it), so the
 * slider thumbs sit right under the years they stand for.
 */

export const MIN_YEAR = -500;
export const MAX_YEAR = 2021;
export const COMPRESS_BEFORE = 1500;
export const COMPRESSED_SHARE = 0.2;
export const SLIDER_STEPS = 1000;

export interface YearScale {
  /** Year → x in [x0, x1]. Years outside the domain are clamped. */
  x(year: number): number;
  /** x → year (rounded), the inverse of `x`. */
  year(x: number): number;
  x0: number;
  x1: number;
}

export function clampYear(year: number): number {
  return Math.min(MAX_YEAR, Math.max(MIN_YEAR, year));
}

/** Fraction 0..1 of the axis at which a year sits. */
export function yearToFraction(year: number): number {
  const y = clampYear(year);
  if (y <= COMPRESS_BEFORE) return ((y - MIN_YEAR) / (COMPRESS_BEFORE - MIN_YEAR)) * COMPRESSED_SHARE;
  return COMPRESSED_SHARE + ((y - COMPRESS_BEFORE) / (MAX_YEAR - COMPRESS_BEFORE)) * (1 - COMPRESSED_SHARE);
}

/** The year at a fraction 0..1 of the axis (rounded to a whole year). */
export function fractionToYear(fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  const year =
    f <= COMPRESSED_SHARE
      ? MIN_YEAR + (f / COMPRESSED_SHARE) * (COMPRESS_BEFORE - MIN_YEAR)
      : COMPRESS_BEFORE + ((f - COMPRESSED_SHARE) / (1 - COMPRESSED_SHARE)) * (MAX_YEAR - COMPRESS_BEFORE);
  return Math.round(year);
}

export function yearScale(x0: number, x1: number): YearScale {
  const width = x1 - x0;
  return {
    x0,
    x1,
    x: (year) => x0 + yearToFraction(year) * width,
    year: (x) => fractionToYear(width === 0 ? 0 : (x - x0) / width),
  };
}

/** Slider position (0..SLIDER_STEPS) for a year, and back. */
export const yearToSlider = (year: number): number => Math.round(yearToFraction(year) * SLIDER_STEPS);
export const sliderToYear = (position: number): number => fractionToYear(position / SLIDER_STEPS);

/** Axis ticks: every 250 years in the compressed part (year 1 for the non-existent 0), every 50 after 1500. */
export function axisTicks(): number[] {
  const ticks: number[] = [];
  for (let y = MIN_YEAR; y < COMPRESS_BEFORE; y += 250) ticks.push(y === 0 ? 1 : y);
  for (let y = COMPRESS_BEFORE; y <= MAX_YEAR; y += 50) ticks.push(y);
  return ticks;
}

/** A year as historians print it: 500 BC for -500 (no year zero). */
export function formatYear(year: number): string {
  return year < 0 ? `${-year} BC` : String(year);
}

/** "1501–1722", or one year when both ends agree. */
export function formatSpan(start: number | undefined, end: number | undefined): string {
  if (start === undefined && end === undefined) return "";
  if (start === undefined) return formatYear(end as number);
  if (end === undefined || end === start) return formatYear(start);
  return `${formatYear(start)}–${formatYear(end)}`;
}
