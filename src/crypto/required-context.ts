import type { NodeMaterialsManager } from '@aws-crypto/client-node'

import { EnvelopeError } from './envelope-error'

type DecryptionRequest = Parameters<NodeMaterialsManager['decryptMaterials']>[0]

/**
 * A materials manager that checks the message's encryption context for the
 * pairs the caller requires before it lets the keyring ask KMS for the data
 * key, so a mismatched message costs no Decrypt call. It also notes whether
 * the SDK got that far, which tells a malformed header from a key problem.
 */
export class RequiredContextManager implements NodeMaterialsManager {
  /** Set once the SDK parsed the header and asked for decryption materials. */
  materialsRequested = false

  constructor(
    private readonly inner: NodeMaterialsManager,
    private readonly required: Readonly<Record<string, string>>,
  ) {}

  getEncryptionMaterials: NodeMaterialsManager['getEncryptionMaterials'] = (request) =>
    this.inner.getEncryptionMaterials(request)

  decryptMaterials: NodeMaterialsManager['decryptMaterials'] = async (
    request: DecryptionRequest,
  ) => {
    this.materialsRequested = true
    const missing = Object.entries(this.required).filter(
      ([name, value]) => request.encryptionContext[name] !== value,
    )

    // Guard: a message is decrypted only when its encryption context has every required pair.
    if (missing.length > 0) {
      const wanted = missing.map(([name, value]) => `${name}=${value}`).join(', ')
      throw new EnvelopeError(
        'EncryptionContextMismatch',
        `The message's encryption context lacks ${wanted}; check that it is the message you meant.`,
      )
    }

    return this.inner.decryptMaterials(request)
  }
}
