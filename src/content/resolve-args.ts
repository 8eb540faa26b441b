import { toPrincipalArn } from './principal-arns'

/** What a scenario's names resolve against while its steps run. */
export type ArgNames = {
  readonly homeAccount: string
  /** Key ref → key ARN. */
  readonly keys: ReadonlyMap<string, string>
  /** Grant ref → grant ID. */
  readonly grants: ReadonlyMap<string, string>
  /** Step id → that step's raw result, for `$steps.<id>.<field>`. */
  readonly outputs: ReadonlyMap<string, unknown>
}

/** An argument that names nothing the run knows: the step cannot be sent. */
export class ArgumentError extends Error {
  override readonly name = 'ArgumentError'
}

const keyFields = new Set(['KeyId', 'SourceKeyId', 'DestinationKeyId', 'TargetKeyId'])
const principalFields = new Set(['GranteePrincipal', 'RetiringPrincipal'])
const textToBytes = new Set(['Plaintext', 'Message', 'Mac', 'Signature', 'CiphertextBlob'])
const policyFields = new Set(['Policy', 'PolicyDocument'])

/**
 * Turns a step's scenario-level arguments into the AWS request: key refs
 * become key ARNs, principal shorthand becomes ARNs, grant refs become grant
 * IDs, text becomes bytes where AWS takes binary, policies become JSON text,
 * and `$steps.<id>.<field>` reads an earlier step's result.
 */
export function resolveArgs(args: Readonly<Record<string, unknown>>, names: ArgNames): Record<string, unknown> {
  const request: Record<string, unknown> = {}

  for (const [field, raw] of Object.entries(args)) {
    const value = readReference(raw, names)

    if (keyFields.has(field) && typeof value === 'string') request[field] = names.keys.get(value) ?? value
    else if (principalFields.has(field) && typeof value === 'string') request[field] = toPrincipalArn(value, names.homeAccount)
    else if (field === 'GrantId' && typeof value === 'string') request[field] = names.grants.get(value) ?? value
    else if (textToBytes.has(field) && typeof value === 'string') request[field] = new TextEncoder().encode(value)
    else if (policyFields.has(field) && typeof value === 'object' && value !== null) request[field] = JSON.stringify(value)
    else request[field] = value
  }

  return request
}

/**
 * Replaces references anywhere inside a value, policies included:
 * `$steps.<id>.<field.path>` reads an earlier step's result, and
 * `$keys.<ref>.Arn` or `$keys.<ref>.KeyId` names a key the setup created.
 * Other values pass through.
 */
export function readReference(raw: unknown, names: ArgNames): unknown {
  if (Array.isArray(raw)) return raw.map((item) => readReference(item, names))
  if (raw instanceof Uint8Array) return raw
  if (typeof raw === 'object' && raw !== null) {
    return Object.fromEntries(Object.entries(raw).map(([field, value]) => [field, readReference(value, names)]))
  }

  if (typeof raw !== 'string') return raw
  if (raw.startsWith('$keys.')) return readKeyReference(raw, names.keys)
  if (!raw.startsWith('$steps.')) return raw

  const [, stepId, ...path] = raw.split('.')
  if (!stepId || !names.outputs.has(stepId)) {
    throw new ArgumentError(`${raw}: step ${stepId ?? '?'} has not run or produced no result`)
  }

  let value: unknown = names.outputs.get(stepId)
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !(part in value)) {
      throw new ArgumentError(`${raw}: the result of step ${stepId} has no field ${part}`)
    }

    value = (value as Record<string, unknown>)[part]
  }

  return value instanceof Uint8Array ? value.slice() : value
}

/** `$keys.orders-key.Arn` → the key ARN; `.KeyId` → the key ID. */
export function readKeyReference(raw: string, keys: ReadonlyMap<string, string>): string {
  const match = /^\$keys\.([a-z0-9-]+)\.(Arn|KeyId)$/.exec(raw)
  const arn = match ? keys.get(match[1]!) : undefined
  if (!match || !arn) {
    throw new ArgumentError(`${raw}: expected $keys.<key ref>.Arn or $keys.<key ref>.KeyId naming a key in setup`)
  }

  return match[2] === 'Arn' ? arn : arn.slice(arn.lastIndexOf('/') + 1)
}
