import { z } from 'zod'
import {
  awsExceptionNames,
  clockUnits,
  iamActions,
  kmsApiNames,
  outcomes,
  serviceActions,
  sdkOperations,
  serviceNames,
} from './scenario-vocabulary'
import { unknownWordMessage } from './scenario-messages'
import {
  isRecord,
  kebabId,
  oneOf,
  principalText,
  strict,
  stringMap,
  text,
  withKind,
} from './scenario-schema-kit'

// AWS request fields are PascalCase, exactly as the API reference spells them.
const requestField = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, {
  error: (issue) => {
    const field = String(issue.input)
    const pascal = field.charAt(0).toUpperCase() + field.slice(1)
    return `AWS request fields are PascalCase: write \`${pascal}\`, not \`${field}\``
  },
})
const awsArgs = z.record(requestField, z.unknown()).default({})

const kmsAction = strict(
  {
    kind: z.literal('kms'),
    kms: oneOf(kmsApiNames, 'KMS API'),
    args: awsArgs,
    // An AWS service making the call for the actor, e.g. s3.amazonaws.com: sets kms:ViaService.
    via: z.string().regex(/^[a-z0-9-]+\.amazonaws\.com$/, 'expected a service principal such as s3.amazonaws.com').optional(),
    // Condition keys only the caller's situation supplies, e.g. aws:SourceIp.
    context: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  },
  ['kind'],
)

const iamAction = strict(
  { kind: z.literal('iam'), iam: oneOf(iamActions, 'IAM action'), args: awsArgs },
  ['kind'],
)

const serviceAction = strict(
  {
    kind: z.literal('service'),
    service: oneOf(serviceNames, 'service'),
    action: oneOf(serviceActions, 'service action'),
    args: awsArgs,
  },
  ['kind'],
)

const keyList = z.array(text).min(1)

const sdkEncrypt = strict(
  {
    kind: z.literal('sdk'),
    sdk: z.literal('encrypt'),
    args: strict({
      keys: keyList,
      plaintext: z.string(),
      encryptionContext: stringMap.optional(),
    }),
  },
  ['kind'],
)

const sdkDecrypt = strict(
  {
    kind: z.literal('sdk'),
    sdk: z.literal('decrypt'),
    args: strict({
      message: text,
      keys: keyList.optional(),
      encryptionContext: stringMap.optional(),
    }),
  },
  ['kind'],
)

const duration = z.number().int('expected a whole number').nonnegative('must not be negative')

const clockArgs = strict({
  days: duration.optional(),
  hours: duration.optional(),
  minutes: duration.optional(),
}).refine((args) => clockUnits.some((unit) => args[unit] !== undefined), {
  error: `needs one of ${clockUnits.join(', ')}`,
})

const clockAction = strict(
  {
    kind: z.literal('clock'),
    clock: z.literal('advance', { error: 'the clock can only `advance`' }),
    args: clockArgs,
  },
  ['kind'],
)

const stepAction = z.preprocess(
  withKind(['kms', 'iam', 'service', 'sdk', 'clock'], "a step's `do`"),
  z.discriminatedUnion('kind', [
    kmsAction,
    iamAction,
    serviceAction,
    z.discriminatedUnion('sdk', [sdkEncrypt, sdkDecrypt], {
      error: (issue) =>
        issue.code === 'invalid_union' && isRecord(issue.input) && issue.input.sdk !== undefined
          ? unknownWordMessage('SDK operation', issue.input.sdk, sdkOperations)
          : undefined,
    }),
    clockAction,
  ]),
)

const decidingRef = z
  .string()
  .regex(
    /^(?:key-policy:.+|identity:.+:.+|grant:.+)$/,
    'expected key-policy:<Sid>, key-policy:#<index>, identity:<principal>:<Sid> ' +
      'or grant:<grant ref>',
  )

const expectation = strict({
  outcome: oneOf(outcomes, 'outcome').optional(),
  decidedBy: z.array(decidingRef).min(1).optional(),
  error: oneOf(awsExceptionNames, 'exception name').optional(),
}).superRefine((expect, context) => {
  if (Object.values(expect).every((value) => value === undefined)) {
    context.issues.push({
      code: 'custom',
      message: 'expect needs at least one of outcome, decidedBy, error',
      input: expect,
    })
  }

  // AccessDeniedException is how KMS reports a denial, so it cannot follow an allow.
  if (expect.outcome === 'allowed' && expect.error === 'AccessDeniedException') {
    context.issues.push({
      code: 'custom',
      message: 'an allowed step cannot fail with AccessDeniedException: expect outcome denied',
      input: expect.outcome,
      path: ['outcome'],
    })
  }
})

const prediction = strict({
  question: text,
  answer: oneOf(outcomes, 'answer'),
  explanation: text.optional(),
})

/** One step of a scenario: who acts, what they do, and what should happen. */
export const stepSchema = strict({
  id: kebabId.optional(),
  as: principalText,
  narration: z.string().optional(),
  do: stepAction,
  expect: expectation.optional(),
  predict: prediction.optional(),
  hints: z.array(text).default([]),
})

