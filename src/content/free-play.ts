import { iamActions, kmsApiNames } from './scenario-vocabulary'
import type { Scenario, ScenarioStep } from './scenario-schema'
import { suggest } from './scenario-messages'

/** A free-play command read into a step, or why it could not be. */
export type FreePlayParse =
  | { readonly ok: true; readonly step: ScenarioStep }
  | { readonly ok: false; readonly message: string }

/** What a learner can type at the free-play prompt, for help texts. */
export const freePlayExamples = [
  'as alice Decrypt CiphertextBlob=$steps.<step id>.CiphertextBlob',
  'as user/alice Encrypt orders-key Plaintext=hello EncryptionContext.dept=it',
  'as root CreateGrant orders-key GranteePrincipal=user/bob Operations=Decrypt,Encrypt',
  'as root DeleteUser UserName=alice',
  'advance 7 days',
] as const

// Request fields that take a list: a comma-separated value becomes one.
const listFields = new Set(['Operations', 'GrantTokens', 'TagKeys', 'KeyIds'])

/**
 * Reads one free-play command: `as <principal> <Operation> [key-ref] [Field=value]…`
 * for a KMS or IAM call, or `advance <n> days|hours|minutes`. Operation names
 * are case-insensitive; `Field.sub=value` builds a map such as an encryption
 * context; values that look like JSON are read as JSON.
 */
export function parseFreePlayCommand(text: string, scenario: Scenario): FreePlayParse {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const [first, ...rest] = words

  if (first === 'advance') return parseAdvance(rest)
  if (first !== 'as' || rest.length < 2) {
    return { ok: false, message: `Start with "as <who> <Operation> …" or "advance <n> days"; for example: ${freePlayExamples[1]}` }
  }

  const [who, operationWord, ...args] = rest as [string, string, ...string[]]
  const actor = resolveActor(who, scenario)
  if (!actor.ok) return actor

  const operation = findOperation(operationWord)
  if (!operation) {
    const guess = suggest(operationWord, [...kmsApiNames, ...iamActions])

    return { ok: false, message: `Unknown operation ${operationWord}${guess ? `; did you mean ${guess}?` : ''}` }
  }

  const fields = parseFields(args, operation.kind === 'kms')
  if (!fields.ok) return fields

  const action =
    operation.kind === 'kms'
      ? { kind: 'kms' as const, kms: operation.name, args: fields.args }
      : { kind: 'iam' as const, iam: operation.name, args: fields.args }

  return { ok: true, step: { as: actor.principal, do: action, hints: [] } as ScenarioStep }
}

function parseAdvance(words: readonly string[]): FreePlayParse {
  const [count, unit] = words
  const amount = Number(count)
  const key = unit?.replace(/s?$/, 's')
  if (!Number.isInteger(amount) || amount < 0 || (key !== 'days' && key !== 'hours' && key !== 'minutes')) {
    return { ok: false, message: 'Write "advance <n> days", "advance <n> hours" or "advance <n> minutes".' }
  }

  return { ok: true, step: { as: 'root', do: { kind: 'clock', clock: 'advance', args: { [key]: amount } }, hints: [] } as ScenarioStep }
}

/** `alice` → `user/alice` (or `role/alice`) when setup declares it; other forms pass as written. */
function resolveActor(who: string, scenario: Scenario): { ok: true; principal: string } | { ok: false; message: string } {
  if (who.includes('/') || who === 'root' || who.includes('.') || who.includes(':')) return { ok: true, principal: who }

  for (const account of scenario.setup.accounts) {
    const prefix = account === scenario.setup.accounts[0] ? '' : `${account.id}:`
    if (account.users.some((user) => user.name === who)) return { ok: true, principal: `${prefix}user/${who}` }
    if (account.roles.some((role) => role.name === who)) return { ok: true, principal: `${prefix}role/${who}` }
  }

  return { ok: false, message: `No user or role named ${who}; write user/NAME, role/NAME, root or a service principal.` }
}

function findOperation(word: string): { kind: 'kms' | 'iam'; name: string } | undefined {
  const lower = word.toLowerCase().replace(/-/g, '')
  const kms = kmsApiNames.find((name) => name.toLowerCase() === lower)
  if (kms) return { kind: 'kms', name: kms }

  const iam = iamActions.find((name) => name.toLowerCase() === lower)

  return iam ? { kind: 'iam', name: iam } : undefined
}

function parseFields(
  args: readonly string[],
  allowKeyPositional: boolean,
): { ok: true; args: Record<string, unknown> } | { ok: false; message: string } {
  const fields: Record<string, unknown> = {}

  for (const [i, arg] of args.entries()) {
    const at = arg.indexOf('=')
    if (at < 0) {
      if (i === 0 && allowKeyPositional) {
        fields['KeyId'] = arg
        continue
      }

      return { ok: false, message: `Expected Field=value, got "${arg}"` }
    }

    const [field, ...path] = arg.slice(0, at).split('.')
    const value = readValue(arg.slice(at + 1), field!)
    if (path.length === 0) fields[field!] = value
    else fields[field!] = { ...(fields[field!] as Record<string, unknown> | undefined), [path.join('.')]: value }
  }

  return { ok: true, args: fields }
}

function readValue(text: string, field: string): unknown {
  if (/^[[{"]/.test(text) || /^(true|false|-?\d+(\.\d+)?)$/.test(text)) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      return text
    }
  }

  return listFields.has(field) ? text.split(',') : text
}
