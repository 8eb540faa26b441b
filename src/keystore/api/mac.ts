import type { CallScope } from '../call-scope'
import {
  generateMac as computeMac,
  macAlgorithms,
  verifyMac as checkMac,
  type MacAlgorithm,
} from '../crypto'
import { KmsError } from '../kms-error'
import { authorizeKeyOperation, requireEnum, required } from './common'
import { checkLength, materialOf } from './crypto-common'

export type GenerateMacRequest = {
  readonly Message: Uint8Array
  readonly KeyId: string
  readonly MacAlgorithm: MacAlgorithm
  readonly GrantTokens?: readonly string[]
}
export type GenerateMacResponse = {
  readonly Mac: Uint8Array
  readonly MacAlgorithm: MacAlgorithm
  readonly KeyId: string
}
export type VerifyMacRequest = GenerateMacRequest & { readonly Mac: Uint8Array }
export type VerifyMacResponse = {
  readonly KeyId: string
  readonly MacValid: true
  readonly MacAlgorithm: MacAlgorithm
}

/** GenerateMac: an HMAC of a message under an HMAC key, with the algorithm of its size. */
export function generateMac(scope: CallScope, input: GenerateMacRequest): GenerateMacResponse {
  const { key, algorithm, message } = macRequest(scope, input, 'GenerateMac')

  const mac = computeMac(materialOf(key), algorithm, message)

  return { Mac: mac, MacAlgorithm: algorithm, KeyId: key.arn }
}

/** VerifyMac: checks an HMAC inside KMS; a mismatch is a KMSInvalidMacException. */
export function verifyMac(scope: CallScope, input: VerifyMacRequest): VerifyMacResponse {
  const mac = required(input.Mac, 'Mac')
  const { key, algorithm, message } = macRequest(scope, input, 'VerifyMac')

  // Guard: VerifyMac refuses a MAC that does not match the message and key.
  if (!checkMac(materialOf(key), algorithm, message, mac)) {
    throw new KmsError('KMSInvalidMacException', '')
  }

  return { KeyId: key.arn, MacValid: true, MacAlgorithm: algorithm }
}

function macRequest(
  scope: CallScope,
  input: GenerateMacRequest,
  operation: 'GenerateMac' | 'VerifyMac',
) {
  const message = checkLength(input.Message, 'Message', 4096)
  const field = 'MacAlgorithm'
  const algorithm = requireEnum(required(input.MacAlgorithm, field), macAlgorithms, field)!
  const key = authorizeKeyOperation(scope, {
    operation,
    keyId: input.KeyId,
    forms: 'any',
    context: { 'kms:MacAlgorithm': algorithm },
  })

  return { key, algorithm, message }
}
