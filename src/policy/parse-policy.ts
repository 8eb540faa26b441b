import { conditionOperators } from './conditions/operators'
import { formatJsonPath, readJson, type JsonPath, type SourcePosition } from '../shared/json-source'
import type {
  ConditionClause,
  Pattern,
  PolicyDocument,
  PrincipalValue,
  Statement,
} from './policy-document'
import { hasVariables } from './variables'
import { compileWildcard } from './wildcard'

/** Why a policy document was refused, in the shape AWS reports it, and where. */
export type PolicyError = {
  readonly code: 'MalformedPolicyDocumentException' | 'LimitExceededException'
  readonly message: string
  /** Where in the document, e.g. `Statement[1].Principal.AWS`. */
  readonly path: string
  /** Set when the document was given as text. */
  readonly position?: SourcePosition
}

export type PolicyParseResult =
  | { readonly ok: true; readonly policy: PolicyDocument }
  | { readonly ok: false; readonly error: PolicyError }

/** The largest key policy KMS accepts, in bytes. */
export const keyPolicyMaxBytes = 32_768

const topLevelFields = new Set(['Version', 'Id', 'Statement'])
const statementFields = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
])
const principalTypes = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser'])
const knownOperators: ReadonlySet<string> = new Set(conditionOperators)
const awsPrincipal = /^(\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:.+|\*)$/

class PolicyProblem extends Error {
  constructor(
    readonly path: JsonPath,
    message: string,
    readonly code: PolicyError['code'] = 'MalformedPolicyDocumentException',
  ) {
    super(message)
  }
}

/**
 * Parses and compiles a key policy or IAM identity policy, given as JSON text
 * or as an already-parsed value. Wildcards are compiled here, once, so that
 * evaluating the same policy again is cheap. Never throws: a document AWS would
 * refuse comes back as an error naming what is wrong and where.
 */
export function parsePolicy(input: unknown, kind: 'key' | 'identity'): PolicyParseResult {
  const text = typeof input === 'string' ? input : undefined
  let value = input
  let locate: ((path: JsonPath) => SourcePosition | undefined) | undefined

  if (text !== undefined) {
    const size = Buffer.byteLength(text, 'utf8')
    if (kind === 'key' && size > keyPolicyMaxBytes) {
      const message = `Key policy is ${size} bytes; the limit is ${keyPolicyMaxBytes} bytes.`

      return { ok: false, error: { code: 'LimitExceededException', message, path: '(document)' } }
    }

    const source = readJson(text)
    if (!source.ok) {
      const error = { code: 'MalformedPolicyDocumentException', path: '(document)' } as const

      return { ok: false, error: { ...error, message: source.message, position: source.position } }
    }

    value = source.value
    locate = source.locate
  }

  try {
    return { ok: true, policy: toDocument(value, kind) }
  } catch (problem) {
    if (!(problem instanceof PolicyProblem)) throw problem

    const position = locate?.(problem.path)
    const error: PolicyError = {
      code: problem.code,
      message: problem.message,
      path: formatJsonPath(problem.path),
      ...(position ? { position } : {}),
    }

    return { ok: false, error }
  }
}

function toDocument(value: unknown, kind: 'key' | 'identity'): PolicyDocument {
  const root = asObject(value, [], 'The policy must be a JSON object.')

  for (const field of Object.keys(root)) {
    if (!topLevelFields.has(field)) {
      throw new PolicyProblem([field], `Unsupported field ${field} in the policy document.`)
    }
  }

  const version = optionalString(root, 'Version', [])
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    throw new PolicyProblem(['Version'], `Version must be "2012-10-17"; got "${version}".`)
  }

  const rawStatements = root['Statement']
  if (rawStatements === undefined) {
    throw new PolicyProblem([], 'The policy has no Statement element.')
  }

  const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements]
  if (list.length === 0) throw new PolicyProblem(['Statement'], 'The policy has no statements.')

  const statements = list.map((raw, index) =>
    toStatement(raw, index, kind, Array.isArray(rawStatements) ? ['Statement', index] : ['Statement']),
  )
  if (kind === 'identity') checkIamSids(statements)

  return {
    kind,
    statements,
    json: value,
    ...(version !== undefined ? { version } : {}),
    ...(typeof root['Id'] === 'string' ? { id: root['Id'] } : {}),
  }
}

/**
 * IAM, unlike KMS key policies, wants Sids of letters and digits only, each
 * used once in a policy. Docs: IAM User Guide › IAM JSON policy elements: Sid.
 */
function checkIamSids(statements: readonly Statement[]): void {
  const seen = new Set<string>()

  for (const { sid, index } of statements) {
    if (sid === undefined) continue
    if (!/^[0-9A-Za-z]*$/.test(sid)) {
      throw new PolicyProblem(['Statement', index, 'Sid'], 'Statement IDs (SID) must be alpha-numeric: letters and digits only.')
    }

    if (seen.has(sid)) throw new PolicyProblem(['Statement', index, 'Sid'], 'Statement IDs (SID) in a single policy must be unique.')
    seen.add(sid)
  }
}

function toStatement(
  raw: unknown,
  index: number,
  kind: 'key' | 'identity',
  path: JsonPath,
): Statement {
  const statement = asObject(raw, path, 'Each statement must be a JSON object.')

  for (const field of Object.keys(statement)) {
    if (!statementFields.has(field)) {
      throw new PolicyProblem([...path, field], `Unsupported field ${field} in a statement.`)
    }
  }

  const sid = optionalString(statement, 'Sid', path)
  const effect = statement['Effect']
  if (effect !== 'Allow' && effect !== 'Deny') {
    const got = effect === undefined ? 'it is missing' : `got ${JSON.stringify(effect)}`
    throw new PolicyProblem([...path, 'Effect'], `Effect must be "Allow" or "Deny"; ${got}.`)
  }

  checkExclusive(statement, 'Principal', 'NotPrincipal', path)
  checkExclusive(statement, 'Action', 'NotAction', path)
  checkExclusive(statement, 'Resource', 'NotResource', path)

  // IAM User Guide › NotPrincipal: it must be used with Deny; with Allow it is not supported.
  if (effect === 'Allow' && 'NotPrincipal' in statement) {
    throw new PolicyProblem([...path, 'NotPrincipal'], 'NotPrincipal can be used only in a statement whose Effect is Deny.')
  }

  const hasPrincipal = 'Principal' in statement || 'NotPrincipal' in statement
  if (kind === 'key' && !hasPrincipal) {
    throw new PolicyProblem(path, 'Policy contains a statement with no principal.')
  }

  if (kind === 'identity' && hasPrincipal) {
    const field = 'Principal' in statement ? 'Principal' : 'NotPrincipal'
    throw new PolicyProblem([...path, field], `Has prohibited field ${field}: identity policies name no principal.`)
  }

  if (kind === 'identity') requireField(statement, 'Action', 'NotAction', path)
  if (kind === 'identity') requireField(statement, 'Resource', 'NotResource', path)

  const optional = <T>(name: string, read: (value: unknown, at: JsonPath) => T) =>
    name in statement ? read(statement[name], [...path, name]) : undefined

  return dropUndefined({
    index,
    sid,
    effect,
    principals: optional('Principal', toPrincipals),
    notPrincipals: optional('NotPrincipal', toPrincipals),
    actions: optional('Action', toActions),
    notActions: optional('NotAction', toActions),
    resources: optional('Resource', toResources),
    notResources: optional('NotResource', toResources),
    conditions: 'Condition' in statement ? toConditions(statement['Condition'], [...path, 'Condition']) : [],
  })
}

function toPrincipals(raw: unknown, path: JsonPath): readonly PrincipalValue[] {
  if (raw === '*') return [{ kind: 'any' }]

  const object = asObject(raw, path, 'Principal must be "*" or an object such as {"AWS": "…"}.')
  const principals: PrincipalValue[] = []

  for (const [type, value] of Object.entries(object)) {
    if (!principalTypes.has(type)) {
      throw new PolicyProblem([...path, type], `Unknown principal type ${type}; use AWS, Service, Federated or CanonicalUser.`)
    }

    for (const [i, entry] of stringList(value, [...path, type]).entries()) {
      const at = Array.isArray(value) ? [...path, type, i] : [...path, type]
      principals.push(toPrincipal(type, entry, at))
    }
  }

  return principals
}

function toPrincipal(type: string, value: string, path: JsonPath): PrincipalValue {
  if (type === 'AWS') {
    if (value === '*') return { kind: 'any' }
    // A principal is named whole: IAM allows no wildcard inside an ARN, and groups are never principals.
    if (!awsPrincipal.test(value) || value.includes(':group/') || /[*?]/.test(value)) {
      throw new PolicyProblem(path, 'Policy contains a statement with one or more invalid principals.')
    }

    return { kind: 'aws', value }
  }

  if (type === 'Service') return { kind: 'service', value }
  if (type === 'Federated') return { kind: 'federated', value }

  return { kind: 'canonical-user', value }
}

function toActions(raw: unknown, path: JsonPath): readonly Pattern[] {
  return stringList(raw, path).map((action, i) => {
    if (action !== '*' && !/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action)) {
      const at = Array.isArray(raw) ? [...path, i] : path
      throw new PolicyProblem(at, `Action "${action}" is not of the form service:Operation (for example kms:Decrypt).`)
    }

    return toPattern(action, true)
  })
}

function toResources(raw: unknown, path: JsonPath): readonly Pattern[] {
  return stringList(raw, path).map((resource) => toPattern(resource, false))
}

function toPattern(source: string, ignoreCase: boolean): Pattern {
  const variables = hasVariables(source)

  return {
    source,
    hasVariables: variables,
    test: variables ? () => false : compileWildcard(source, { ignoreCase }),
  }
}

function toConditions(raw: unknown, path: JsonPath): readonly ConditionClause[] {
  const block = asObject(raw, path, 'Condition must be an object of operators.')
  const clauses: ConditionClause[] = []

  for (const [operator, entries] of Object.entries(block)) {
    const parsed = parseOperator(operator, [...path, operator])
    const keys = asObject(entries, [...path, operator], `${operator} must map condition keys to values.`)

    for (const [key, value] of Object.entries(keys)) {
      const at = [...path, operator, key]
      if (parsed.setQualifier === 'ForAllValues' && key.toLowerCase().startsWith('kms:encryptioncontext:')) {
        throw new PolicyProblem(at, `OverlyPermissiveCondition: ForAllValues cannot be used with ${key}, a single-valued key.`)
      }

      clauses.push({ ...parsed, operator, key, keyLower: key.toLowerCase(), values: scalarList(value, at) })
    }
  }

  return clauses
}

function parseOperator(
  operator: string,
  path: JsonPath,
): Pick<ConditionClause, 'baseOperator' | 'setQualifier' | 'ifExists'> {
  let rest = operator
  let setQualifier: ConditionClause['setQualifier']

  for (const qualifier of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${qualifier}:`)) {
      setQualifier = qualifier
      rest = rest.slice(qualifier.length + 1)
    }
  }

  const ifExists = rest.endsWith('IfExists')
  const baseOperator = ifExists ? rest.slice(0, -'IfExists'.length) : rest

  if (!knownOperators.has(baseOperator) || (ifExists && baseOperator === 'Null')) {
    throw new PolicyProblem(path, `Unknown condition operator ${operator}.`)
  }

  return setQualifier ? { baseOperator, setQualifier, ifExists } : { baseOperator, ifExists }
}

function stringList(raw: unknown, path: JsonPath): readonly string[] {
  const list = Array.isArray(raw) ? raw : [raw]
  if (list.length === 0) throw new PolicyProblem(path, 'A list here must not be empty.')

  return list.map((entry, i) => {
    if (typeof entry !== 'string') {
      throw new PolicyProblem(Array.isArray(raw) ? [...path, i] : path, 'Expected a string.')
    }

    return entry
  })
}

function scalarList(raw: unknown, path: JsonPath): readonly string[] {
  const list = Array.isArray(raw) ? raw : [raw]

  return list.map((entry, i) => {
    if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') {
      return String(entry)
    }

    throw new PolicyProblem(Array.isArray(raw) ? [...path, i] : path, 'Condition values must be strings, numbers or booleans.')
  })
}

function asObject(raw: unknown, path: JsonPath, message: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new PolicyProblem(path, message)

  return raw as Record<string, unknown>
}

function optionalString(object: Record<string, unknown>, field: string, path: JsonPath): string | undefined {
  const value = object[field]
  if (value === undefined || typeof value === 'string') return value

  throw new PolicyProblem([...path, field], `${field} must be a string.`)
}

function checkExclusive(object: Record<string, unknown>, a: string, b: string, path: JsonPath): void {
  if (a in object && b in object) {
    throw new PolicyProblem([...path, b], `A statement cannot have both ${a} and ${b}.`)
  }
}

function requireField(object: Record<string, unknown>, a: string, b: string, path: JsonPath): void {
  if (!(a in object) && !(b in object)) {
    throw new PolicyProblem(path, `Policy statement must contain ${a === 'Action' ? 'actions' : 'resources'}.`)
  }
}

function dropUndefined<T extends object>(object: T): T {
  for (const key of Object.keys(object) as (keyof T)[]) {
    if (object[key] === undefined) delete object[key]
  }

  return object
}
