/**
 * A chart's axis: round ticks from 0 (or a power of ten, on a logarithmic
 * axis) past the largest value, their labels in the unit's words, and where
 * a value sits along the axis, as a percentage of its length.
 */
import {formatNumber} from './format.ts'

export interface Axis {
  ticks: number[]
  /** Position of a value along the axis, 0 to 100. */
  at: (value: number) => number
  label: (value: number) => string
}

/** A linear axis from 0 to a round number at or above `max`, with about four steps. */
export function linearAxis(max: number, unit: string): Axis {
  const rough = Math.max(max, Number.MIN_VALUE) / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power
  const top = Math.ceil(max / step) * step || step
  const ticks = Array.from({length: Math.round(top / step) + 1}, (_, index) => index * step)
  return {ticks, at: (value) => (100 * value) / top, label: (value) => tickLabel(value, unit)}
}

/** A logarithmic axis over whole powers of ten around `low` and `high`. */
export function logAxis(low: number, high: number, unit: string): Axis {
  const from = Math.floor(Math.log10(Math.max(low, 1)))
  const to = Math.max(Math.ceil(Math.log10(Math.max(high, 1))), from + 1)
  const ticks = Array.from({length: to - from + 1}, (_, index) => 10 ** (from + index))
  return {ticks, at: (value) => (100 * (Math.log10(Math.max(value, 10 ** from)) - from)) / (to - from), label: (value) => tickLabel(value, unit)}
}

/** A tick's label, short: "£2bn", "25%", "10k". */
export function tickLabel(value: number, unit: string): string {
  const short = value >= 1e9 ? `${formatNumber(value / 1e9)}bn` : value >= 1e6 ? `${formatNumber(value / 1e6)}m` : value >= 1e4 ? `${formatNumber(value / 1e3)}k` : formatNumber(value)
  return unit === 'GBP' ? `£${short}` : unit === 'percent' ? `${short}%` : short
}
