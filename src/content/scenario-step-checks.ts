import { toPointer, type PathIssue } from './content-issue'
import { fieldOf, itemsOf, textOf, type Declarations } from './scenario-declarations'
import { suggest } from './scenario-messages'
import { parsePrincipalRef } from './scenario-principals'
import { checkKeyTarget, checkPrincipal } from './scenario-ref-checks'
import { isRecord } from './scenario-schema-kit'

type Path = readonly (string | number)[]

// AWS request fields that name a KMS key, and those that name a principal.
const keyFields = ['KeyId', 'SourceKeyId', 'DestinationKeyId', 'TargetKeyId']
const principalFields = ['GranteePrincipal', 'RetiringPrincipal']

const stepRefPattern = /^\$steps\.([^.]+)\.(.+)$/

/**
 * Checks each step against the setup and the steps before it: the actor
 * exists, named keys and aliases exist, and `$steps.<id>.…` points back to an
 * earlier step. Users, roles and aliases created by a step count from then on.
 */
export function checkSteps(data: unknown, setup: Declarations): readonly PathIssue[] {
  const steps = itemsOf(fieldOf(data, 'steps'))
  const stepIds = steps.map((step) => textOf(fieldOf(step, 'id')))
  const declared = cloneDeclarations(setup)

  return steps.flatMap((step, index) => {
    const issues = checkStep(step, ['steps', index], declared)
    const argsPath = ['steps', index, 'do', 'args']
    const refs = textsWithin(fieldOf(fieldOf(step, 'do'), 'args'), argsPath)
    recordCreations(step, declared)

    const refIssues = refs.flatMap(({ value, path }) => checkStepRef(value, path, index, stepIds))

    return [...issues, ...refIssues]
  })
}

function checkStep(step: unknown, at: Path, declared: Declarations): readonly PathIssue[] {
  const action = fieldOf(step, 'do')
  const args = fieldOf(action, 'args')
  const argsPath = [...at, 'do', 'args']
  // A step that expects NotFoundException may name a missing key on purpose.
  const keys =
    fieldOf(fieldOf(step, 'expect'), 'error') === 'NotFoundException'
      ? []
      : keyTargets(action, argsPath)

  return [
    ...checkPrincipal(fieldOf(step, 'as'), [...at, 'as'], declared),
    ...keys.flatMap(({ value, path }) => checkKeyTarget(value, path, declared)),
    ...principalFields.flatMap((field) =>
      checkPrincipal(fieldOf(args, field), [...argsPath, field], declared, 'report'),
    ),
    ...checkDecidingRefs(fieldOf(step, 'expect'), at, declared),
  ]
}

function keyTargets(action: unknown, argsPath: Path) {
  const args = fieldOf(action, 'args')
  if (fieldOf(action, 'sdk') !== undefined) {
    const keys = itemsOf(fieldOf(args, 'keys'))
    return keys.map((value, i) => ({ value, path: [...argsPath, 'keys', i] }))
  }

  return keyFields.map((field) => ({ value: fieldOf(args, field), path: [...argsPath, field] }))
}

function checkStepRef(
  text: string,
  path: Path,
  index: number,
  stepIds: readonly (string | undefined)[],
): readonly PathIssue[] {
  if (!text.startsWith('$steps')) return []

  const match = stepRefPattern.exec(text)
  if (!match) {
    const message =
      `cannot read step reference "${text}": write $steps.<step id>.<output field>, ` +
      'such as $steps.encrypt.CiphertextBlob'
    return [{ path, code: 'schema', message }]
  }

  const target = stepIds.indexOf(match[1] ?? '')
  if (target >= 0 && target < index) return []

  return [{ path, code: 'unknown-ref', message: stepRefMessage(match, index, stepIds) }]
}

function stepRefMessage(
  match: RegExpExecArray,
  index: number,
  stepIds: readonly (string | undefined)[],
): string {
  const [text, id = '', field = ''] = match
  const target = stepIds.indexOf(id)
  const rule = 'a step can only use the output of an earlier step'
  if (target === index) return `"${text}" refers to this step's own output; ${rule}`
  if (target > index) {
    const later = toPointer(['steps', target])
    return `"${text}" refers to step "${id}", which runs later (${later}); ${rule}`
  }

  const earlier = stepIds.slice(0, index).filter((step): step is string => step !== undefined)
  const closest = suggest(id, earlier)
  const guess = closest === undefined ? '' : `; did you mean $steps.${closest}.${field}?`

  const known = `(earlier step ids: ${earlier.join(', ') || 'none'})`

  return `"${text}": no step has id "${id}" ${known}${guess}`
}

// Deciding refs that name an identity policy: identity:<principal>:<Sid>. The
// Sid follows the last colon, since principals may contain colons themselves.
function checkDecidingRefs(
  expect: unknown,
  at: Path,
  declared: Declarations,
): readonly PathIssue[] {
  return itemsOf(fieldOf(expect, 'decidedBy')).flatMap((ref, i) => {
    const text = textOf(ref)
    if (text === undefined || !text.startsWith('identity:')) return []

    const principal = text.slice('identity:'.length, text.lastIndexOf(':'))
    return checkPrincipal(principal, [...at, 'expect', 'decidedBy', i], declared, 'report')
  })
}

// The declarations as the steps go: steps can add users, roles and aliases.
type WorkingDeclarations = {
  readonly accounts: Map<string, { readonly users: string[]; readonly roles: string[] }>
  readonly keys: readonly string[]
  readonly aliases: string[]
  readonly grants: readonly string[]
}

function cloneDeclarations(setup: Declarations): WorkingDeclarations {
  const accounts = new Map(
    [...setup.accounts].map(([id, account]) => [
      id,
      { users: [...account.users], roles: [...account.roles] },
    ]),
  )

  return { ...setup, accounts, aliases: [...setup.aliases] }
}

// IAM users and roles a step creates belong to the actor's account.
function recordCreations(step: unknown, declared: WorkingDeclarations): void {
  const action = fieldOf(step, 'do')
  const args = fieldOf(action, 'args')

  const iam = fieldOf(action, 'iam')
  if (iam === 'CreateUser' || iam === 'CreateRole') {
    const account = declared.accounts.get(actorAccount(step, declared) ?? '')
    const names = iam === 'CreateUser' ? account?.users : account?.roles
    const name = textOf(fieldOf(args, iam === 'CreateUser' ? 'UserName' : 'RoleName'))
    if (name !== undefined) names?.push(name)
  }

  const alias = textOf(fieldOf(args, 'AliasName'))
  if (fieldOf(action, 'kms') === 'CreateAlias' && alias !== undefined) declared.aliases.push(alias)
}

function actorAccount(step: unknown, declared: WorkingDeclarations): string | undefined {
  const actor = parsePrincipalRef(textOf(fieldOf(step, 'as')) ?? '')
  const named = actor?.kind === 'service' ? undefined : actor?.account

  return named ?? declared.accounts.keys().next().value
}

function textsWithin(value: unknown, path: Path): readonly { value: string; path: Path }[] {
  if (typeof value === 'string') return [{ value, path }]
  if (Array.isArray(value)) return value.flatMap((item, i) => textsWithin(item, [...path, i]))
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, item]) => textsWithin(item, [...path, key]))
  }

  return []
}
