import { compileWildcard } from '../wildcard'

/** String comparison, case-sensitive unless the operator says IgnoreCase. */
export function compileString(operator: string, expected: string): (actual: string) => boolean {
  switch (operator) {
    case 'StringEquals':
      return (actual) => actual === expected
    case 'StringEqualsIgnoreCase': {
      const lower = expected.toLowerCase()

      return (actual) => actual.toLowerCase() === lower
    }

    default:
      return compileWildcard(expected, { ignoreCase: false })
  }
}
