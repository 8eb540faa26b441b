import { z } from 'zod'
import { parsePrincipal, type GrantInput } from '../policy'
import { kmsActionNames } from '../policy/kms-actions'
import { awsGrantSchema, grantSchema } from '../check/check-case-schema'
import { suggest } from '../content/scenario-messages'
import { formatJsonPath, readJson } from '../shared/json-source'
import { readText } from './io'

// What `kms-sandbox explain` checks in its inputs before deciding anything:
// an answer built on a typo would look like a real denial.

const principalForms =
  'write arn:aws:iam::ACCOUNT:user/NAME, arn:aws:iam::ACCOUNT:role/NAME, ' +
  'arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, arn:aws:iam::ACCOUNT:root ' +
  'or a service principal such as ec2.amazonaws.com'

/** Why a principal given on the command line is not one, or undefined when it is. */
export function principalProblem(text: string, flag: string): string | undefined {
  return parsePrincipal(text).kind === 'unknown' ? `${flag} "${text}" is not a principal: ${principalForms}` : undefined
}

/** Why an action is not a KMS permission, with the one meant when it is close. */
export function actionProblem(action: string): string | undefined {
  const [service, name = ''] = action.split(':')
  const known = kmsActionNames.find((candidate) => candidate.toLowerCase() === name.toLowerCase())
  if (service?.toLowerCase() === 'kms' && known) return undefined

  const guess = suggest(name || action, kmsActionNames)
  const fix = guess ? `did you mean kms:${guess}?` : 'write kms:Operation, for example kms:Decrypt'

  return `--action "${action}" is not a KMS permission: ${fix}`
}

/** Why a key ARN is not one. */
export function keyArnProblem(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/.test(arn)
    ? undefined
    : `--key-arn "${arn}" is not a key ARN: write arn:aws:kms:REGION:ACCOUNT:key/KEY-ID (an alias does not name a key in a policy)`
}

// The shape check files use (camelCase), and the shape `aws kms list-grants` prints.
const sandboxGrant = grantSchema
const awsGrant = awsGrantSchema
const grantFile = z.union([
  sandboxGrant,
  z.array(sandboxGrant),
  awsGrant,
  z.array(awsGrant),
  z.looseObject({ Grants: z.array(awsGrant) }),
])

/**
 * Reads a grant file: one grant or a list, in the check-file shape or as
 * `aws kms list-grants` prints it. Problems name file, line, column and field.
 */
export function loadGrants(file: string, keyArn: string, problems: string[]): GrantInput[] {
  const read = readText(file)
  if (!read.ok) return pushed(problems, read.message)

  const json = readJson(read.text)
  if (!json.ok) return pushed(problems, `${file}:${json.position.line}:${json.position.column}: ${json.message}`)

  const parsed = grantFile.safeParse(json.value)
  if (!parsed.success) {
    const best = parsed.error.issues[0]?.code === 'invalid_union' ? deepestIssue(parsed.error) : parsed.error.issues[0]
    const path = (best?.path ?? []).filter((part): part is string | number => typeof part !== 'symbol')
    const { line, column } = json.locate(path)

    return pushed(problems, `${file}:${line}:${column} ${formatJsonPath(path)}: ${best?.message ?? 'not a grant'} (see docs/check-files.md for the grant shape)`)
  }

  for (const grant of awsGrantsOf(parsed.data)) {
    const keyId = grant['KeyId']
    if (typeof keyId === 'string' && keyId !== keyArn && !keyArn.endsWith(`/${keyId}`)) {
      problems.push(`${file}: grant ${grant.GrantId} is on ${keyId}, not on the key being explained (${keyArn}); pass --key-arn ${keyId} or leave the grant out`)
    }
  }

  const grants = toGrants(parsed.data)
  for (const grant of grants) {
    const problem = principalProblem(grant.granteePrincipal, `${file}: granteePrincipal`)
    if (problem) problems.push(problem)
  }

  return grants
}

type SandboxGrant = z.infer<typeof sandboxGrant>
type AwsGrant = z.infer<typeof awsGrant>

function toGrants(data: z.infer<typeof grantFile>): GrantInput[] {
  return grantList(data).map((grant): GrantInput => {
    if (isSandboxGrant(grant)) return grant

    const { EncryptionContextSubset: subset, EncryptionContextEquals: equals } = grant.Constraints ?? {}
    const constraints = { ...(subset ? { encryptionContextSubset: subset } : {}), ...(equals ? { encryptionContextEquals: equals } : {}) }

    return {
      grantId: grant.GrantId,
      granteePrincipal: grant.GranteePrincipal,
      operations: grant.Operations,
      ...(grant.RetiringPrincipal ? { retiringPrincipal: grant.RetiringPrincipal } : {}),
      ...(grant.Constraints ? { constraints } : {}),
    }
  })
}

/** One grant, a list, or list-grants output: always a list. */
function grantList(data: z.infer<typeof grantFile>): readonly (SandboxGrant | AwsGrant)[] {
  if (Array.isArray(data)) return data

  return 'GrantId' in data || 'grantId' in data ? [data as SandboxGrant | AwsGrant] : (data as { Grants: AwsGrant[] }).Grants
}

function awsGrantsOf(data: z.infer<typeof grantFile>): readonly AwsGrant[] {
  return grantList(data).filter((grant): grant is AwsGrant => !isSandboxGrant(grant))
}

function isSandboxGrant(grant: SandboxGrant | AwsGrant): grant is SandboxGrant {
  return typeof (grant as { grantId?: unknown }).grantId === 'string'
}

/** Of a union's alternatives, the problem found deepest in the document: the likeliest intended shape. */
function deepestIssue(error: z.ZodError): z.core.$ZodIssue | undefined {
  const all = error.issues.flatMap((issue) => ('errors' in issue ? issue.errors.flat() : [issue]))

  return all.sort((a, b) => b.path.length - a.path.length)[0]
}

function pushed(problems: string[], problem: string): GrantInput[] {
  problems.push(problem)

  return []
}
