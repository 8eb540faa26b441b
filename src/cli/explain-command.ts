import { coversCaller, evaluate, lintPolicy, parsePolicy, parsePrincipal, type IdentityPolicy, type PolicyError } from '../policy'
import { formatDecision } from '../present/format-decision'
import { describeWarning } from '../present/messages'
import { actionProblem, keyArnProblem, loadGrants, principalProblem } from './explain-inputs'
import { exitCodes, paintFor, readText } from './io'

type ExplainOptions = {
  readonly keyPolicy: string
  readonly principal: string
  readonly action: string
  readonly keyArn?: string
  readonly identityPolicy?: readonly string[]
  readonly grant?: readonly string[]
  readonly encryptionContext?: readonly string[]
  readonly context?: readonly string[]
  readonly json?: boolean
}

/**
 * `kms-sandbox explain`: decides one request against the user's own policies
 * and prints the explanation. Exit 0 when allowed, 1 when denied, 2 on bad input.
 */
export function runExplainCommand(raw: Record<string, unknown>): number {
  const options = raw as ExplainOptions
  const problems: string[] = []

  const keyPolicy = loadPolicy(options.keyPolicy, 'key', problems)
  const identityPolicies = (options.identityPolicy ?? []).flatMap((entry): IdentityPolicy[] => {
    const [owner, file] = splitPair(entry, '--identity-policy', problems)
    const policy = file ? loadPolicy(file, 'identity', problems) : undefined

    return policy && owner ? [{ owner, policy }] : []
  })
  const caller = parsePrincipal(options.principal)
  const account = 'account' in caller ? caller.account : '111122223333'
  const keyArn = options.keyArn ?? `arn:aws:kms:us-west-2:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
  const grants = (options.grant ?? []).flatMap((file) => loadGrants(file, keyArn, problems))
  for (const problem of [
    principalProblem(options.principal, '--principal'),
    actionProblem(options.action),
    options.keyArn === undefined ? undefined : keyArnProblem(options.keyArn),
    ...identityPolicies.map(({ owner }) => ownerProblem(owner, options.principal)),
  ]) {
    if (problem) problems.push(problem)
  }

  const encryptionContext = toPairs(options.encryptionContext ?? [], '--encryption-context', problems)
  const context = toContext(options.context ?? [], problems)

  if (!keyPolicy || problems.length > 0) {
    for (const problem of problems) process.stderr.write(`${problem}\n`)

    return exitCodes.badInput
  }

  if (options.keyArn === undefined && !options.json) {
    process.stderr.write(`(no --key-arn given: using ${keyArn}; pass your key's ARN if your IAM policies name it)\n`)
  }

  const decision = evaluate({
    principal: options.principal,
    action: options.action,
    key: { arn: keyArn, policy: keyPolicy, grants },
    identityPolicies,
    encryptionContext,
    context,
  })

  const warnings = [
    ...lintPolicy(keyPolicy).map((warning) => describeWarning('key-policy', warning)),
    ...identityPolicies.flatMap(({ owner, policy }) => lintPolicy(policy).map((warning) => describeWarning(`identity:${owner}`, warning))),
  ]

  if (options.json) process.stdout.write(`${JSON.stringify({ ...decision, warnings }, null, 2)}\n`)
  else {
    const paint = paintFor(process.stdout)
    for (const line of formatDecision(decision, paint)) process.stdout.write(`${line}\n`)
    for (const warning of warnings) process.stdout.write(`  ${paint.yellow('warning')} ${warning}\n`)
  }

  return decision.verdict === 'Allow' ? exitCodes.ok : exitCodes.mismatch
}

function loadPolicy(file: string, kind: 'key' | 'identity', problems: string[]) {
  const read = readText(file)
  if (!read.ok) {
    problems.push(read.message)

    return undefined
  }

  const parsed = parsePolicy(read.text, kind)
  if (!parsed.ok) problems.push(describePolicyError(file, parsed.error))

  return parsed.ok ? parsed.policy : undefined
}

/** `file:line:column Statement[0].Effect: MalformedPolicyDocumentException: message` */
export function describePolicyError(file: string, error: PolicyError): string {
  const where = error.position ? `${file}:${error.position.line}:${error.position.column}` : file

  return `${where} ${error.path}: ${error.code}: ${error.message}`
}

function splitPair(entry: string, flag: string, problems: string[]): [string?, string?] {
  const at = entry.lastIndexOf('=')
  if (at <= 0) {
    problems.push(`${flag} expects NAME=VALUE; got "${entry}"`)

    return []
  }

  return [entry.slice(0, at), entry.slice(at + 1)]
}

function toPairs(entries: readonly string[], flag: string, problems: string[]): Record<string, string> {
  const pairs: Record<string, string> = {}
  for (const entry of entries) {
    const at = entry.indexOf('=')
    if (at <= 0) problems.push(`${flag} expects KEY=VALUE; got "${entry}"`)
    else pairs[entry.slice(0, at)] = entry.slice(at + 1)
  }

  return pairs
}

function toContext(entries: readonly string[], problems: string[]): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(toPairsList(entries, problems))) {
    context[key] = value.length === 1 ? value[0]! : value
  }

  return context
}

function toPairsList(entries: readonly string[], problems: string[]): Record<string, string[]> {
  const lists: Record<string, string[]> = {}
  for (const entry of entries) {
    const at = entry.indexOf('=')
    if (at <= 0) problems.push(`--context expects KEY=VALUE; got "${entry}"`)
    else (lists[entry.slice(0, at)] ??= []).push(entry.slice(at + 1))
  }

  return lists
}

/** An identity policy must belong to the caller or, for a role session, to its role. */
function ownerProblem(owner: string, principal: string): string | undefined {
  if (coversCaller(parsePrincipal(owner), parsePrincipal(principal))) return undefined

  return (
    `--identity-policy ${owner}=… is attached to ${owner}, but the caller is ${principal}: ` +
    'attach it to the caller (or, for a role session, to its role ARN)'
  )
}
