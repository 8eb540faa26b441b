import { describe, expect, it } from 'vitest'

import { consoleDefaultPolicy } from '../../src/keystore'
import { accountA, allow, expectKmsError, keyPolicy, rootArn, userArn, world } from './helpers'

// KMS rule: an integrated service calls KMS for a principal with kms:ViaService
// set, and creates grants with kms:GrantIsForAWSResource true; the grantee of an
// EBS grant is EC2's own session in the customer account.
// Docs: KMS Developer Guide › How Amazon EBS uses AWS KMS; AWS KMS condition keys

const ec2 = 'ec2.amazonaws.com'
const instance = `arn:aws:sts::${accountA}:assumed-role/aws:ec2-infrastructure/i-0123456789abcdef0`

async function ebsWorld() {
  const sandbox = await world()
  const Policy = consoleDefaultPolicy({
    account: accountA,
    admins: [userArn('Alice')],
    users: [userArn('Bob')],
  })
  const keyId = (await sandbox.kms(userArn('Alice')).createKey({ Policy })).KeyMetadata.Arn

  return { sandbox, keyId, bobViaEc2: sandbox.kms(userArn('Bob'), { via: ec2 }) }
}

describe('a service calling KMS for a principal', () => {
  it('attaches a volume: data key via EC2, a grant to the instance, Decrypt by the grant', async () => {
    const { sandbox, keyId, bobViaEc2 } = await ebsWorld()
    const volume = { 'aws:ebs:id': 'vol-0abc' }

    const { CiphertextBlob } = await bobViaEc2.generateDataKeyWithoutPlaintext({
      KeyId: keyId,
      NumberOfBytes: 64,
      EncryptionContext: volume,
    })
    const { GrantToken } = await bobViaEc2.createGrant({
      KeyId: keyId,
      GranteePrincipal: instance,
      RetiringPrincipal: rootArn(),
      Operations: ['Decrypt'],
      Constraints: { EncryptionContextSubset: volume },
    })
    const host = sandbox.kms(instance)
    const request = { CiphertextBlob, GrantTokens: [GrantToken] }

    expect((await host.decrypt({ ...request, EncryptionContext: volume })).Plaintext).toHaveLength(
      64,
    )
    await expectKmsError(
      host.decrypt({ ...request, EncryptionContext: { 'aws:ebs:id': 'vol-0other' } }),
      'AccessDeniedException',
    )
    expect(sandbox.events.slice(-4).map((e) => (e.kind === 'kms' ? e.via : 'clock'))).toEqual([
      ec2,
      ec2,
      undefined,
      undefined,
    ])
  })

  it('refuses the same CreateGrant when the key user calls directly', async () => {
    const { sandbox, keyId } = await ebsWorld()
    const request = { KeyId: keyId, GranteePrincipal: instance, Operations: ['Decrypt' as const] }
    const error = await expectKmsError(
      sandbox.kms(userArn('Bob')).createGrant(request),
      'AccessDeniedException',
    )

    const sid = 'Allow attachment of persistent resources'
    expect(error.decision?.statements.find((s) => s.sid === sid)).toMatchObject({
      applies: false,
      misses: [{ kind: 'condition-failed', key: 'kms:GrantIsForAWSResource', actual: ['false'] }],
    })
  })

  it('sets kms:ViaService to the service endpoint in the sandbox Region', async () => {
    const sandbox = await world()
    const viaEc2 = {
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:Encrypt',
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:CallerAccount': accountA,
          'kms:ViaService': 'ec2.us-west-2.amazonaws.com',
        },
      },
    }
    const Policy = keyPolicy(allow(rootArn(), 'kms:*'), viaEc2)
    const keyId = (await sandbox.kms(userArn('Alice')).createKey({ Policy })).KeyMetadata.KeyId
    const plaintext = { KeyId: keyId, Plaintext: new Uint8Array([1]) }

    await expectKmsError(sandbox.kms(userArn('Bob')).encrypt(plaintext), 'AccessDeniedException')
    await sandbox.kms(userArn('Bob'), { via: ec2 }).encrypt(plaintext)
    const viaRds = { via: ec2, context: { 'kms:ViaService': 'rds.us-west-2.amazonaws.com' } }
    await expectKmsError(
      sandbox.kms(userArn('Bob'), viaRds).encrypt(plaintext),
      'AccessDeniedException',
    )
  })
})
