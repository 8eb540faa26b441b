import type { PathIssue } from './content-issue'
import { textOf, type Declarations } from './scenario-declarations'
import { didYouMean } from './scenario-messages'
import { findMissingPrincipal, parsePrincipalRef, principalFormatHint } from './scenario-principals'

type Path = readonly (string | number)[]

/**
 * Reports a principal that names an undeclared account, user or role. Text
 * that is not a principal at all is skipped where the schema reports it, and
 * reported in AWS request arguments, which the schema does not look into.
 */
export function checkPrincipal(
  value: unknown,
  path: Path,
  declared: Declarations,
  unreadable: 'skip' | 'report' = 'skip',
): readonly PathIssue[] {
  const text = textOf(value)
  if (text === undefined || text.startsWith('$steps.')) return []

  const ref = parsePrincipalRef(text)
  if (ref === undefined) {
    const message = `cannot read principal "${text}": ${principalFormatHint}`
    return unreadable === 'report' ? [{ path, code: 'schema', message }] : []
  }

  const missing = findMissingPrincipal(ref, declared.accounts)
  if (missing === undefined) return []

  return [{ path, code: 'unknown-ref', message: `unknown principal "${text}": ${missing}` }]
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const keyIdPattern = new RegExp(`^(?:mrk-[0-9a-f]{32}|${uuid})$`)
const aliasArnPattern = /^arn:aws[a-z-]*:kms:[^:]*:\d{12}:(alias\/.+)$/

/**
 * Reports a KeyId that names no declared key or known alias. Key ids and key
 * ARNs are minted at run time, so only refs and aliases can be checked here.
 */
export function checkKeyTarget(
  value: unknown,
  path: Path,
  declared: Declarations,
): readonly PathIssue[] {
  const text = textOf(value)
  if (text === undefined || text.startsWith('$steps.')) return []

  const alias = text.startsWith('alias/') ? text : aliasArnPattern.exec(text)?.[1]
  if (alias !== undefined) {
    if (declared.aliases.includes(alias)) return []

    const message =
      `unknown alias "${alias}"${didYouMean(alias, declared.aliases)}: no key in setup.keys ` +
      `lists it and no earlier step creates it (known aliases: ${listOrNone(declared.aliases)})`
    return [{ path, code: 'unknown-ref', message }]
  }
  if (text.startsWith('arn:') || keyIdPattern.test(text) || declared.keys.includes(text)) return []

  const message =
    `unknown key "${text}"${didYouMean(text, declared.keys)}: setup.keys declares ` +
    `${listOrNone(declared.keys)}; name a key ref, an alias, a key ARN, ` +
    'or $steps.<step id>.KeyMetadata.KeyId for a key a step created'

  return [{ path, code: 'unknown-ref', message }]
}

function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ')
}
