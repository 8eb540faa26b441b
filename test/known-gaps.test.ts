import { describe, expect, it } from 'vitest'
import { createSandbox } from '../src/keystore'

// One it.fails per known divergence from real AWS KMS, titled with the
// behaviour the sandbox gets wrong. When a gap is closed the test passes,
// it.fails turns red, and the entry moves to a normal test.
// The same gaps are listed for users in the README's fidelity section.

const root = 'arn:aws:iam::111122223333:root'

describe('known gaps', () => {
  it.fails('creates an ML-DSA signing key, as KMS does since 2025', async () => {
    const kms = createSandbox().kms(root)
    const { KeyMetadata } = await kms.createKey({ KeySpec: 'ML_DSA_44' as never, KeyUsage: 'SIGN_VERIFY' })

    expect(KeyMetadata.KeySpec).toBe('ML_DSA_44')
  })

  it.fails('creates an ECC key for key agreement (KEY_AGREEMENT usage)', async () => {
    const kms = createSandbox().kms(root)
    const { KeyMetadata } = await kms.createKey({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' as never })

    expect(KeyMetadata.KeyUsage).toBe('KEY_AGREEMENT')
  })

  it.fails('imports key material into a key created with Origin EXTERNAL', async () => {
    const kms = createSandbox().kms(root) as unknown as Record<string, (input: unknown) => Promise<unknown>>
    const created = (await kms['createKey']!({ Origin: 'EXTERNAL' })) as { KeyMetadata: { KeyId: string } }

    expect(typeof kms['importKeyMaterial']).toBe('function')
    await kms['importKeyMaterial']!({ KeyId: created.KeyMetadata.KeyId })
  })
})
