/** Bool compares `true`/`false` without regard to case; anything else never matches. */
export function compileBool(expected: string): (actual: string) => boolean {
  const want = expected.toLowerCase()

  return (actual) => actual.toLowerCase() === want && (want === 'true' || want === 'false')
}

/** BinaryEquals compares base64 text byte for byte. */
export function compileBinary(expected: string): (actual: string) => boolean {
  const want = Buffer.from(expected, 'base64')

  return (actual) => Buffer.from(actual, 'base64').equals(want)
}
