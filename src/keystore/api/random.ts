import type { CallScope } from '../call-scope'
import { maxRandomBytes, randomBytes } from '../crypto'
import { fieldError } from '../kms-error'
import { required } from './common'

export type GenerateRandomRequest = { readonly NumberOfBytes: number }
export type GenerateRandomResponse = { readonly Plaintext: Uint8Array }

/** GenerateRandom: 1 to 1024 random bytes; needs only an IAM permission. */
export function generateRandom(
  scope: CallScope,
  input: GenerateRandomRequest,
): GenerateRandomResponse {
  const count = required(input.NumberOfBytes as number | undefined, 'NumberOfBytes')

  // Guard: GenerateRandom's NumberOfBytes is from 1 to 1024.
  if (!Number.isInteger(count) || count < 1 || count > maxRandomBytes) {
    const bound = count < 1 ? 'greater than or equal to 1' : 'less than or equal to 1024'
    throw fieldError('numberOfBytes', `Member must have value ${bound}`, count)
  }

  scope.authorize({ action: 'kms:GenerateRandom' })

  return { Plaintext: randomBytes(count) }
}
