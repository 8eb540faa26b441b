import { castDraft } from 'immer'

import { keyArnOf } from '../arns'
import type { CallScope } from '../call-scope'
import {
  createKeyMaterial,
  keySpecs,
  keyUsages,
  keyUsagesBySpec,
  type KeySpec,
  type KeyUsage,
} from '../crypto'
import { defaultKeyPolicy } from '../default-policies'
import { drawKeyId } from '../ids'
import { toKeyMetadata, type KeyMetadata } from '../key-metadata'
import {
  accountsNamed,
  checkLockout,
  checkPrincipalsExist,
  parseKeyPolicy,
} from '../key-policy-rules'
import { KmsError, fieldError } from '../kms-error'
import { ensureAccount, type KeyRecord } from '../state'
import { requireEnum } from './common'
import { requestTagContext, validateTags, type Tag } from './tags'

/** Key specs AWS KMS offers that the sandbox does not model. */
export const unmodelledKeySpecs = [
  'ECC_NIST_EDWARDS25519',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'SM2',
] as const

/** Every KeySpec value of the AWS API, modelled or not. */
export type AwsKeySpec = KeySpec | (typeof unmodelledKeySpecs)[number]
/** Every KeyUsage value of the AWS API; the sandbox does not model KEY_AGREEMENT. */
export type AwsKeyUsage = KeyUsage | 'KEY_AGREEMENT'

export type CreateKeyRequest = {
  readonly Policy?: string
  readonly Description?: string
  readonly KeyUsage?: AwsKeyUsage
  readonly KeySpec?: AwsKeySpec
  readonly Origin?: 'AWS_KMS' | 'EXTERNAL'
  readonly BypassPolicyLockoutSafetyCheck?: boolean
  readonly Tags?: readonly Tag[]
  readonly MultiRegion?: boolean
}

export type CreateKeyResponse = { readonly KeyMetadata: KeyMetadata }

const origins = ['AWS_KMS', 'EXTERNAL'] as const

/**
 * CreateKey: makes a key in the caller's account. Without a Policy it gets
 * the default key policy; with one, the policy must name only existing
 * principals and pass the lockout safety check. Origin EXTERNAL keys start
 * PendingImport, with no material.
 * Docs: KMS API Reference › CreateKey
 */
export function createKey(scope: CallScope, input: CreateKeyRequest = {}): CreateKeyResponse {
  checkModelled(input)
  const spec = requireEnum(input.KeySpec, keySpecs, 'KeySpec') ?? 'SYMMETRIC_DEFAULT'
  const usage = keyUsageFor(spec, requireEnum(input.KeyUsage, keyUsages, 'KeyUsage'))
  const origin = requireEnum(input.Origin, origins, 'Origin') ?? 'AWS_KMS'
  const multiRegion = input.MultiRegion ?? false
  const tags = input.Tags ?? []
  validateTags(tags)

  // Guard: a key description has at most 8192 characters.
  if ((input.Description ?? '').length > 8192) {
    throw fieldError('description', 'Member must have length less than or equal to 8192')
  }

  // KMS rule: request-parameter condition keys match their defaults when a field is omitted.
  // Docs: KMS Developer Guide › AWS KMS condition keys
  scope.authorize({
    action: 'kms:CreateKey',
    context: {
      'kms:KeySpec': spec,
      'kms:KeyUsage': usage,
      'kms:KeyOrigin': origin,
      'kms:MultiRegion': String(multiRegion),
      'kms:BypassPolicyLockoutSafetyCheck': String(input.BypassPolicyLockoutSafetyCheck ?? false),
      ...requestTagContext(tags),
    },
  })

  const account = scope.caller.account
  if (account === undefined) throw new Error('Only a caller in an account is allowed CreateKey.')

  const keyId = scope.draw((rng) => drawKeyId(rng, multiRegion))
  const arn = keyArnOf(scope.state.region, account, keyId)
  scope.keyArn = arn

  // KMS rule: tags on CreateKey also need kms:TagResource, from an IAM policy.
  if (tags.length > 0) {
    scope.authorize({ action: 'kms:TagResource', resource: arn, context: requestTagContext(tags) })
  }

  const policy = parseKeyPolicy(input.Policy ?? defaultKeyPolicy(account))
  if (input.Policy !== undefined) {
    checkPrincipalsExist(scope.state, policy.document)
    const bypass = input.BypassPolicyLockoutSafetyCheck
    const candidate = { arn, policy: policy.document, keySpec: spec, keyUsage: usage }
    checkLockout(scope, { ...candidate, origin, multiRegion }, policy.document, bypass)
  }

  const key: KeyRecord = {
    keyId,
    arn,
    account,
    description: input.Description ?? '',
    keySpec: spec,
    keyUsage: usage,
    origin,
    multiRegion,
    state: origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
    creationDate: scope.state.now,
    policy,
    tags: Object.fromEntries(tags.map((tag) => [tag.TagKey, tag.TagValue])),
    grants: [],
    ...(origin === 'AWS_KMS' ? { material: createKeyMaterial(spec) } : {}),
  }

  scope.update((draft) => {
    for (const named of [account, ...accountsNamed(policy.document)]) ensureAccount(draft, named)
    draft.keys[keyId] = castDraft(key)
  })

  return { KeyMetadata: toKeyMetadata(key) }
}

function checkModelled(input: CreateKeyRequest): void {
  const spec = (unmodelledKeySpecs as readonly string[]).includes(input.KeySpec ?? '')
  const what = spec ? `KeySpec ${input.KeySpec}` : 'KeyUsage KEY_AGREEMENT'

  // Guard: a key spec or key usage that AWS has but the sandbox does not model is refused.
  if (spec || input.KeyUsage === 'KEY_AGREEMENT') {
    throw new KmsError('UnsupportedOperationException', `The sandbox does not model ${what}.`)
  }
}

// KMS rule: only symmetric encryption keys may omit KeyUsage, and each spec allows fixed usages.
// Docs: KMS API Reference › CreateKey (KeyUsage)
function keyUsageFor(spec: KeySpec, usage: KeyUsage | undefined): KeyUsage {
  // Guard: every key spec except SYMMETRIC_DEFAULT needs an explicit KeyUsage.
  if (usage === undefined && spec !== 'SYMMETRIC_DEFAULT') {
    throw new KmsError(
      'ValidationException',
      'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
    )
  }

  const chosen = usage ?? 'ENCRYPT_DECRYPT'

  // Guard: the KeyUsage must be one the key spec supports.
  if (!keyUsagesBySpec[spec].includes(chosen)) {
    throw new KmsError(
      'ValidationException',
      `KeyUsage ${chosen} is not compatible with KeySpec ${spec}`,
    )
  }

  return chosen
}
