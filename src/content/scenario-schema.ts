import { z } from 'zod'
import { policySourceSchemas, type PolicyFileReader } from './scenario-policy-schema'
import {
  accountId,
  kebabId,
  oneOf,
  principalText,
  strict,
  stringMap,
  text,
} from './scenario-schema-kit'
import { stepSchema } from './scenario-step-schema'
import {
  defaultRegion,
  grantOperations,
  keySpecs,
  keyStates,
  keyUsages,
  usagesBySpec,
} from './scenario-vocabulary'

export type { PolicyFileReader, PolicyFileResult, PolicyJson } from './scenario-policy-schema'

const iamName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, 'expected an IAM name: letters, digits and +=,.@_- (at most 64)')

const aliasName = z
  .string()
  .regex(/^alias\/[\w/-]+$/, 'expected an alias name such as alias/orders')
  .refine((alias) => !alias.startsWith('alias/aws/'), 'alias/aws/ is reserved for AWS managed keys')

const region = z
  .string()
  .regex(/^[a-z]{2}(?:-[a-z]+)+-\d$/, 'expected a region such as us-east-1')

const grantConstraints = strict({
  encryptionContextSubset: stringMap.optional(),
  encryptionContextEquals: stringMap.optional(),
}).refine((constraints) => Object.values(constraints).some((value) => value !== undefined), {
  error: 'constraints need encryptionContextSubset or encryptionContextEquals',
})

const grantSchema = strict({
  ref: kebabId,
  key: text,
  grantee: principalText,
  operations: z.array(oneOf(grantOperations, 'grant operation')).min(1),
  retiringPrincipal: principalText.optional(),
  constraints: grantConstraints.optional(),
})

/**
 * The scenario schema, bound to a reader for the policy files it names. Pure
 * apart from that reader; `loadScenarioText` is the usual way in.
 */
export function scenarioSchema(readPolicyFile: PolicyFileReader) {
  const { keyPolicy, identityPolicy } = policySourceSchemas(readPolicyFile)

  const identity = strict({
    name: iamName,
    policies: z.record(iamName, identityPolicy).default({}),
  })

  const account = strict({
    id: accountId,
    name: text.optional(),
    users: z.array(identity).default([]),
    roles: z.array(identity).default([]),
  })

  const key = strict({
    ref: kebabId,
    account: accountId.optional(),
    spec: oneOf(keySpecs, 'key spec').default('SYMMETRIC_DEFAULT'),
    // KMS rule: CreateKey's KeyUsage defaults to ENCRYPT_DECRYPT whatever the spec.
    // Docs: KMS API Reference › CreateKey › KeyUsage
    usage: oneOf(keyUsages, 'key usage').default('ENCRYPT_DECRYPT'),
    description: z.string().optional(),
    aliases: z.array(aliasName).default([]),
    state: oneOf(keyStates, 'key state').default('Enabled'),
    policy: keyPolicy,
  }).superRefine((key, context) => {
    const usages = usagesBySpec[key.spec]
    if (!usages.includes(key.usage)) {
      context.issues.push({
        code: 'custom',
        message: usageMessage(key.spec, key.usage, usages),
        input: key.usage,
        path: ['usage'],
      })
    }
  })

  const setup = strict({
    region: region.default(defaultRegion),
    accounts: z.array(account).min(1),
    keys: z.array(key).default([]),
    grants: z.array(grantSchema).default([]),
  }).transform((setup) => {
    // A key without an account belongs to the first one declared.
    const home = setup.accounts[0]?.id ?? ''
    const keys = setup.keys.map((key) => ({ ...key, account: key.account ?? home }))

    return { ...setup, keys }
  })

  return strict({
    formatVersion: z.literal(1, {
      error: (issue) =>
        issue.input === undefined
          ? undefined
          : `unsupported formatVersion ${String(issue.input)}: this sandbox reads formatVersion 1`,
    }),
    id: kebabId,
    title: text,
    summary: text,
    lesson: kebabId,
    setup,
    steps: z.array(stepSchema).min(1),
  })
}

function usageMessage(spec: string, usage: string, usages: readonly string[]): string {
  const fallback = usage === 'ENCRYPT_DECRYPT' ? ' (the default when usage is left out)' : ''

  const fix = `set usage to ${usages.join(' or ')}`

  return `key spec ${spec} does not support usage ${usage}${fallback}; ${fix}`
}

type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Field in keyof T]: DeepReadonly<T[Field]> }
    : T

/** A validated scenario with defaults filled in and policy files read. Deeply frozen. */
export type Scenario = DeepReadonly<z.output<ReturnType<typeof scenarioSchema>>>

/** The starting state a scenario builds before its first step. */
export type ScenarioSetup = Scenario['setup']
/** A declared AWS account with its users and roles. */
export type ScenarioAccount = ScenarioSetup['accounts'][number]
/** A declared IAM user or role with its inline identity policies. */
export type ScenarioIdentity = ScenarioAccount['users'][number]
/** Where an identity policy comes from: inline or a file (already read). */
export type IdentityPolicySource = ScenarioIdentity['policies'][string]
/** A KMS key that exists when the scenario starts. */
export type ScenarioKey = ScenarioSetup['keys'][number]
/** Where a key policy comes from: inline, a file (already read), or a template. */
export type KeyPolicySource = ScenarioKey['policy']
/** A grant that exists when the scenario starts. */
export type ScenarioGrant = ScenarioSetup['grants'][number]
/** One step: the actor, the action, and optional expectation, prediction and hints. */
export type ScenarioStep = Scenario['steps'][number]
/** What a step does, discriminated by `kind`: kms, iam, service, sdk or clock. */
export type StepAction = ScenarioStep['do']
/** What a step should produce. */
export type StepExpectation = NonNullable<ScenarioStep['expect']>
