import { beforeAll, describe, expect, it } from 'vitest'

import { callOn, keyring, type Keyring } from './fixtures'
import { allowPolicy, bytes, expectKmsError, userArn, world } from './helpers'

let k: Keyring
beforeAll(async () => {
  k = await keyring()
})

const context = { purpose: 'test' }
const alice = () => k.sandbox.kms(userArn('Alice'))

describe('Encrypt and Decrypt with a symmetric key', () => {
  it('round-trips the plaintext when the same context is given', async () => {
    const { Plaintext, KeyId } = await alice().decrypt({
      CiphertextBlob: k.blob,
      EncryptionContext: context,
    })

    expect(new TextDecoder().decode(Plaintext)).toBe('secret')
    expect(KeyId).toBe(k.sym)
  })

  it('accepts the KeyId as key ID, key ARN, alias name or alias ARN', async () => {
    const keyId = k.sym.split('/')[1]!
    const aliasArn = 'arn:aws:kms:us-west-2:111122223333:alias/sym'

    for (const id of [keyId, k.sym, 'alias/sym', aliasArn]) {
      const { CiphertextBlob } = await alice().encrypt({ KeyId: id, Plaintext: bytes('x') })
      expect((await alice().decrypt({ CiphertextBlob, KeyId: id })).KeyId).toBe(k.sym)
    }
  })

  it('returns a fresh plaintext buffer when the caller zeroes the last one', async () => {
    const first = await alice().decrypt({ CiphertextBlob: k.blob, EncryptionContext: context })
    first.Plaintext.fill(0)
    const second = await alice().decrypt({ CiphertextBlob: k.blob, EncryptionContext: context })

    expect(new TextDecoder().decode(second.Plaintext)).toBe('secret')
  })

  it('throws InvalidCiphertextException with no message when the context differs', async () => {
    const error = await expectKmsError(
      alice().decrypt({ CiphertextBlob: k.blob, EncryptionContext: { purpose: 'other' } }),
      'InvalidCiphertextException',
    )

    expect(error.message).toBe('')
  })

  it('throws InvalidCiphertextException when one ciphertext bit is flipped', async () => {
    const tampered = new Uint8Array(k.blob)
    tampered[tampered.length - 1]! ^= 1

    await expectKmsError(
      alice().decrypt({ CiphertextBlob: tampered, EncryptionContext: context }),
      'InvalidCiphertextException',
    )
  })

  it('Guard: a symmetric ciphertext blob must name the key that made it', async () => {
    await expectKmsError(
      alice().decrypt({ CiphertextBlob: bytes('not a blob') }),
      'InvalidCiphertextException',
    )
  })

  it('Guard: a KeyId given with a symmetric ciphertext must name the key that made it', async () => {
    const other = (await alice().createKey({})).KeyMetadata.KeyId
    const error = await expectKmsError(
      alice().decrypt({ CiphertextBlob: k.blob, EncryptionContext: context, KeyId: other }),
      'IncorrectKeyException',
    )

    expect(error.message).toBe(
      'The key ID in the request does not identify a CMK that can perform this operation.',
    )
  })

  it('Guard: binary request fields hold from 1 byte up to their documented maximum', async () => {
    const error = await expectKmsError(
      alice().encrypt({ KeyId: k.sym, Plaintext: new Uint8Array(4097) }),
      'ValidationException',
    )

    expect(error.message).toBe(
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    )
    await expectKmsError(
      alice().encrypt({ KeyId: k.sym, Plaintext: new Uint8Array(0) }),
      'ValidationException',
    )
  })

  it('refuses Decrypt with the decision attached when the caller lacks kms:Decrypt', async () => {
    const error = await expectKmsError(
      k.sandbox.kms(userArn('Bob')).decrypt({ CiphertextBlob: k.blob, EncryptionContext: context }),
      'AccessDeniedException',
    )

    expect(error.decision?.action).toBe('kms:Decrypt')
    expect(error.message).toBe(
      `User: ${userArn('Bob')} is not authorized to perform: kms:Decrypt on resource: ${k.sym} because no identity-based policy allows the kms:Decrypt action`,
    )
  })

  it('refuses Decrypt with NotFoundException when the blob names a deleted key', async () => {
    const sandbox = await world()
    const admin = sandbox.kms(userArn('Alice'))
    const { KeyMetadata } = await admin.createKey({})
    const { CiphertextBlob } = await admin.encrypt({
      KeyId: KeyMetadata.Arn,
      Plaintext: bytes('x'),
    })
    await admin.scheduleKeyDeletion({ KeyId: KeyMetadata.Arn, PendingWindowInDays: 7 })
    sandbox.clock.advance({ days: 7 })

    const error = await expectKmsError(admin.decrypt({ CiphertextBlob }), 'NotFoundException')
    expect(error.message).toBe(`Key '${KeyMetadata.Arn}' does not exist`)
  })
})

describe('Encrypt and Decrypt with an RSA key', () => {
  it('round-trips with RSAES_OAEP_SHA_256 when the KeyId is given', async () => {
    const algorithm = 'RSAES_OAEP_SHA_256'
    const { CiphertextBlob } = await alice().encrypt({
      KeyId: k.rsaEncrypt,
      Plaintext: bytes('rsa secret'),
      EncryptionAlgorithm: algorithm,
    })
    const { Plaintext } = await alice().decrypt({
      CiphertextBlob,
      KeyId: k.rsaEncrypt,
      EncryptionAlgorithm: algorithm,
    })

    expect(new TextDecoder().decode(Plaintext)).toBe('rsa secret')
  })

  it('throws ValidationException when the plaintext is longer than OAEP allows', async () => {
    const error = await expectKmsError(
      alice().encrypt({
        KeyId: k.rsaEncrypt,
        Plaintext: new Uint8Array(191),
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
      }),
      'ValidationException',
    )

    expect(error.message).toBe(
      'Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.',
    )
  })

  it('Guard: decrypting with an asymmetric key needs its KeyId', async () => {
    await expectKmsError(
      alice().decrypt({
        CiphertextBlob: new Uint8Array(256),
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_1',
      }),
      'ValidationException',
    )
  })

  it('Guard: the encryption algorithm must be one the key spec supports', async () => {
    await expectKmsError(
      alice().encrypt({ KeyId: k.rsaEncrypt, Plaintext: bytes('x') }),
      'InvalidKeyUsageException',
    )
  })

  it('Guard: an encryption context is accepted only with symmetric encryption keys', async () => {
    await expectKmsError(
      alice().encrypt({
        KeyId: k.rsaEncrypt,
        Plaintext: bytes('x'),
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_1',
        EncryptionContext: context,
      }),
      'ValidationException',
    )
  })
})

describe('ReEncrypt', () => {
  it('moves ciphertext to another key under a new context when both permissions allow', async () => {
    const destination = (await alice().createKey({})).KeyMetadata.Arn
    const moved = await alice().reEncrypt({
      CiphertextBlob: k.blob,
      SourceEncryptionContext: context,
      DestinationKeyId: destination,
      DestinationEncryptionContext: { purpose: 'archive' },
    })
    const { Plaintext } = await alice().decrypt({
      CiphertextBlob: moved.CiphertextBlob,
      EncryptionContext: { purpose: 'archive' },
    })

    expect([moved.SourceKeyId, moved.KeyId]).toEqual([k.sym, destination])
    expect(new TextDecoder().decode(Plaintext)).toBe('secret')
    expect(k.sandbox.events.at(-2)).toMatchObject({
      decisions: [{ action: 'kms:ReEncryptFrom' }, { action: 'kms:ReEncryptTo' }],
    })
  })

  it('refuses with the ReEncryptTo decision when only ReEncryptFrom is allowed', async () => {
    const iam = k.sandbox.iam('111122223333')
    await iam.putUserPolicy({
      UserName: 'Bob',
      PolicyName: 'from',
      PolicyDocument: allowPolicy('kms:ReEncryptFrom', k.sym),
    })
    const destination = (await alice().createKey({})).KeyMetadata.Arn

    const result = callOn(k.sandbox.state, userArn('Bob'), 'ReEncrypt', {
      CiphertextBlob: k.blob,
      SourceEncryptionContext: context,
      DestinationKeyId: destination,
    })
    await iam.deleteUserPolicy({ UserName: 'Bob', PolicyName: 'from' })

    expect(result.ok ? '' : result.error.decision?.action).toBe('kms:ReEncryptTo')
    expect(result.event.decisions.map((d) => [d.action, d.verdict])).toEqual([
      ['kms:ReEncryptFrom', 'Allow'],
      ['kms:ReEncryptTo', 'ImplicitDeny'],
    ])
  })
})
