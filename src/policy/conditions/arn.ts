import { compileWildcard } from '../wildcard'

/**
 * ArnEquals and ArnLike (identical in IAM): the six colon-separated parts are
 * matched one by one, case-sensitively, so a wildcard never spans a colon
 * except inside the resource part, which keeps any colons it has.
 */
export function compileArn(expected: string): (actual: string) => boolean {
  const wanted = splitArn(expected)
  if (!wanted) return () => false

  const parts = wanted.map((part) => compileWildcard(part, { ignoreCase: false }))

  return (actual) => {
    const got = splitArn(actual)

    return got !== undefined && parts.every((test, i) => test(got[i]!))
  }
}

function splitArn(arn: string): readonly string[] | undefined {
  const parts = arn.split(':')
  if (parts.length < 6 || parts[0] !== 'arn') return undefined

  return [...parts.slice(0, 5), parts.slice(5).join(':')]
}
