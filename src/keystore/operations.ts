import { createAlias, deleteAlias, listAliases, updateAlias } from './api/aliases'
import { createGrant } from './api/create-grant'
import { createKey } from './api/create-key'
import {
  generateDataKey,
  generateDataKeyPair,
  generateDataKeyPairWithoutPlaintext,
  generateDataKeyWithoutPlaintext,
} from './api/data-keys'
import { decrypt, encrypt } from './api/encrypt-decrypt'
import { listGrants, listRetirableGrants, retireGrant, revokeGrant } from './api/grant-admin'
import {
  cancelKeyDeletion,
  describeKey,
  disableKey,
  enableKey,
  listKeys,
  scheduleKeyDeletion,
  updateKeyDescription,
} from './api/key-lifecycle'
import { getKeyPolicy, listKeyPolicies, putKeyPolicy } from './api/key-policy'
import { disableKeyRotation, enableKeyRotation, getKeyRotationStatus } from './api/key-rotation'
import { generateMac, verifyMac } from './api/mac'
import { generateRandom } from './api/random'
import { reEncrypt } from './api/re-encrypt'
import { getPublicKey, sign, verify } from './api/signing'
import { listResourceTags, tagResource, untagResource } from './api/tags'

/**
 * Every KMS operation the sandbox serves, by its AWS name. Request and
 * response types are those of the handlers, in the AWS SDK's shapes.
 */
export const kmsHandlers = {
  CreateKey: createKey,
  DescribeKey: describeKey,
  ListKeys: listKeys,
  GetKeyPolicy: getKeyPolicy,
  PutKeyPolicy: putKeyPolicy,
  ListKeyPolicies: listKeyPolicies,
  EnableKey: enableKey,
  DisableKey: disableKey,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  CancelKeyDeletion: cancelKeyDeletion,
  EnableKeyRotation: enableKeyRotation,
  DisableKeyRotation: disableKeyRotation,
  GetKeyRotationStatus: getKeyRotationStatus,
  UpdateKeyDescription: updateKeyDescription,
  CreateAlias: createAlias,
  UpdateAlias: updateAlias,
  DeleteAlias: deleteAlias,
  ListAliases: listAliases,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListResourceTags: listResourceTags,
  CreateGrant: createGrant,
  ListGrants: listGrants,
  ListRetirableGrants: listRetirableGrants,
  RetireGrant: retireGrant,
  RevokeGrant: revokeGrant,
  Encrypt: encrypt,
  Decrypt: decrypt,
  ReEncrypt: reEncrypt,
  GenerateDataKey: generateDataKey,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext,
  GenerateDataKeyPair: generateDataKeyPair,
  GenerateDataKeyPairWithoutPlaintext: generateDataKeyPairWithoutPlaintext,
  GenerateRandom: generateRandom,
  Sign: sign,
  Verify: verify,
  GetPublicKey: getPublicKey,
  GenerateMac: generateMac,
  VerifyMac: verifyMac,
} as const

/** The name of a KMS operation, e.g. `Encrypt`. */
export type KmsOperation = keyof typeof kmsHandlers

/** The request shape of an operation. */
export type KmsInput<Op extends KmsOperation> = Parameters<(typeof kmsHandlers)[Op]>[1]

/** The response shape of an operation. */
export type KmsOutput<Op extends KmsOperation> = ReturnType<(typeof kmsHandlers)[Op]>

/** Every operation name, in the order above. */
export const kmsOperations = Object.keys(kmsHandlers) as readonly KmsOperation[]
