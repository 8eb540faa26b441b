/** Numeric comparison; a request value that is not a number never matches. */
export function compileNumeric(operator: string, expected: string): (actual: string) => boolean {
  const want = Number(expected)

  return (actual) => {
    const got = Number(actual)
    if (actual.trim() === '' || Number.isNaN(got) || Number.isNaN(want)) return false

    return compareBy(operator, got, want)
  }
}

/** The shared ordering step of the Numeric and Date families. */
export function compareBy(operator: string, got: number, want: number): boolean {
  if (operator.endsWith('LessThanEquals')) return got <= want
  if (operator.endsWith('LessThan')) return got < want
  if (operator.endsWith('GreaterThanEquals')) return got >= want
  if (operator.endsWith('GreaterThan')) return got > want

  return got === want
}
