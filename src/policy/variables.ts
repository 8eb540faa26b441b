import type { RequestContext } from './request-context'

/** A policy value after its `${…}` variables were replaced, or the variable that had no value. */
export type Substituted =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly variable: string }

const variablePattern = /\$\{([^}]*)\}/g

/** True when a policy string holds at least one `${…}` variable. */
export function hasVariables(value: string): boolean {
  return value.includes('${')
}

/**
 * Replaces policy variables from the request context. `${*}`, `${?}` and `${$}`
 * stand for the literal characters; `${key, 'default'}` falls back to the
 * default. A variable with no value and no default leaves the value unusable,
 * as in IAM, where such a condition or resource then fails to match.
 */
export function substituteVariables(value: string, context: RequestContext): Substituted {
  let missing: string | undefined

  const replaced = value.replace(variablePattern, (_whole, body: string) => {
    const [rawName, rawDefault] = splitDefault(body)
    const name = rawName.trim()
    if (name === '*' || name === '?' || name === '$') return name

    const found = context.get(name.toLowerCase())
    if (typeof found === 'string') return found
    if (rawDefault !== undefined) return rawDefault

    missing ??= name

    return ''
  })

  return missing === undefined ? { ok: true, value: replaced } : { ok: false, variable: missing }
}

function splitDefault(body: string): [string, string | undefined] {
  const match = /^(.*?),\s*'(.*)'\s*$/.exec(body)

  return match ? [match[1]!, match[2]!] : [body, undefined]
}
