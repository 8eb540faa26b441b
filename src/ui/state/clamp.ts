/** Keeps a number within bounds; an empty range gives the low bound. */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high))
}
