/**
 * Compiles an IAM wildcard pattern (`*` any run, `?` one character) to a
 * predicate. Patterns without wildcards compare as plain strings, which keeps
 * the common case cheap.
 */
export function compileWildcard(
  pattern: string,
  options: { readonly ignoreCase: boolean },
): (value: string) => boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) {
    if (!options.ignoreCase) return (value) => value === pattern

    const lower = pattern.toLowerCase()

    return (value) => value.toLowerCase() === lower
  }

  if (pattern === '*') return () => true

  const regex = new RegExp(`^${toRegexSource(pattern)}$`, options.ignoreCase ? 'is' : 's')

  return (value) => regex.test(value)
}

function toRegexSource(pattern: string): string {
  let source = ''

  for (const char of pattern) {
    if (char === '*') source += '.*'
    else if (char === '?') source += '.'
    else source += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
  }

  return source
}
