import { compareBy } from './numeric'

/**
 * Date comparison. IAM accepts ISO 8601 dates and epoch seconds on either
 * side; a value that is neither never matches.
 */
export function compileDate(operator: string, expected: string): (actual: string) => boolean {
  const want = toEpochMillis(expected)

  return (actual) => {
    const got = toEpochMillis(actual)
    if (got === undefined || want === undefined) return false

    return compareBy(operator, got, want)
  }
}

function toEpochMillis(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value) * 1000

  const millis = Date.parse(value)

  return Number.isNaN(millis) ? undefined : millis
}
