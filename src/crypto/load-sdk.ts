import type * as ClientNode from '@aws-crypto/client-node'

type Sdk = typeof ClientNode

/** The parts of the AWS Encryption SDK this folder uses, loaded once. */
export type EncryptionSdk = {
  /** `encrypt` and `decrypt` under CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT. */
  readonly client: ReturnType<Sdk['buildClient']>
  readonly KmsKeyringNode: Sdk['KmsKeyringNode']
  readonly RawAesKeyringNode: Sdk['RawAesKeyringNode']
  readonly RawAesWrappingSuiteIdentifier: Sdk['RawAesWrappingSuiteIdentifier']
  readonly NodeDefaultCryptographicMaterialsManager: Sdk['NodeDefaultCryptographicMaterialsManager']
}

let loading: Promise<EncryptionSdk> | undefined

/**
 * Loads the Encryption SDK on first use. It is a dynamic import so that the
 * command line's `--help`, and anything else that never encrypts, does not
 * load the SDK or the AWS SDK clients it pulls in. Loading constructs no
 * client: the keyrings here are always given a client provider.
 */
export function loadEncryptionSdk(): Promise<EncryptionSdk> {
  loading ??= import('@aws-crypto/client-node').then(namedExports).then(toEncryptionSdk, (error: unknown) => {
    loading = undefined
    throw error
  })

  return loading
}

/**
 * Node gives a CommonJS package's exports as named exports; a bundle may give
 * them only as `default`. Either way, the SDK's own exports.
 */
function namedExports(module: Sdk): Sdk {
  const exports = module as Partial<Sdk> & { readonly default?: Sdk }

  return exports.CommitmentPolicy !== undefined ? module : (exports.default ?? module)
}

function toEncryptionSdk(sdk: Sdk): EncryptionSdk {
  // The default policy, spelled out: messages must use key commitment both ways.
  const client = sdk.buildClient(sdk.CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT)

  return {
    client,
    KmsKeyringNode: sdk.KmsKeyringNode,
    RawAesKeyringNode: sdk.RawAesKeyringNode,
    RawAesWrappingSuiteIdentifier: sdk.RawAesWrappingSuiteIdentifier,
    NodeDefaultCryptographicMaterialsManager: sdk.NodeDefaultCryptographicMaterialsManager,
  }
}
