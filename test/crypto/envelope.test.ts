import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { decryptEnvelope, encryptEnvelope, EnvelopeError, type KmsRunner } from '../../src/crypto'
import { KmsError, type KmsErrorCode, type KmsEvent } from '../../src/keystore'
import { cryptoWorld, patterned, type CryptoWorld } from './world'

const context = { tenant: 'acme', purpose: 'orders' }

let w: CryptoWorld
beforeEach(async () => {
  w = await cryptoWorld()
})

async function sealed(keyIds: readonly string[], plaintext = patterned(1024)): Promise<Uint8Array> {
  const { message } = await encryptEnvelope(w.sandbox, {
    principal: w.writer,
    keyIds,
    plaintext,
    encryptionContext: context,
  })

  return message
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  )
}

async function kmsRejection(promise: Promise<unknown>, code: KmsErrorCode): Promise<KmsError> {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(KmsError)
  expect((error as KmsError).code).toBe(code)

  return error as KmsError
}

function summary(calls: readonly KmsEvent[]) {
  return calls.map((call) => ({
    operation: call.operation,
    caller: call.caller,
    keyArn: call.keyArn,
    outcome: call.outcome.ok ? 'ok' : call.outcome.code,
  }))
}

describe('encryptEnvelope and decryptEnvelope', () => {
  it('round-trips 1 KiB when the writer and reader hold their permissions', async () => {
    const plaintext = patterned(1024)
    const message = await sealed([w.orders], plaintext)

    const opened = await decryptEnvelope(w.sandbox, {
      principal: w.ordersReader,
      keyIds: [w.orders],
      message,
    })

    expect(opened.plaintext).toEqual(plaintext)
    expect(opened.encryptionContext).toMatchObject(context)
  })

  it('round-trips 1 MiB when the message spans many frames', async () => {
    const plaintext = patterned(1024 * 1024)
    const message = await sealed([w.orders], plaintext)

    const opened = await decryptEnvelope(w.sandbox, {
      principal: w.ordersReader,
      keyIds: [w.orders],
      message,
    })

    expect(message.length).toBeGreaterThan(plaintext.length)
    expect(Buffer.from(opened.plaintext).equals(Buffer.from(plaintext))).toBe(true)
  })

  it('names GenerateDataKey then Encrypt when the keyring has two keys', async () => {
    const { calls } = await encryptEnvelope(w.sandbox, {
      principal: w.writer,
      keyIds: [w.orders, w.backup],
      plaintext: patterned(64),
      encryptionContext: context,
    })

    expect(summary(calls)).toEqual([
      { operation: 'GenerateDataKey', caller: w.writer, keyArn: w.orders, outcome: 'ok' },
      { operation: 'Encrypt', caller: w.writer, keyArn: w.backup, outcome: 'ok' },
    ])
    const viaIam = ['key-policy:Enable IAM User Permissions', `identity:${w.writer}:#0`]
    expect(calls.map((call) => call.decisions[0]?.decidedBy)).toEqual([viaIam, viaIam])
    expect(w.sandbox.events.slice(-2)).toEqual(calls)
  })

  it('names one Decrypt when the first key decrypts the data key', async () => {
    const message = await sealed([w.orders, w.backup])

    const { calls } = await decryptEnvelope(w.sandbox, {
      principal: w.ordersReader,
      keyIds: [w.orders, w.backup],
      message,
    })

    expect(summary(calls)).toEqual([
      { operation: 'Decrypt', caller: w.ordersReader, keyArn: w.orders, outcome: 'ok' },
    ])
    expect(calls[0]!.request).toMatchObject({ EncryptionContext: context, KeyId: w.orders })
  })

  it('decrypts with the second key alone when the first key refuses', async () => {
    const message = await sealed([w.orders, w.backup])

    const opened = await decryptEnvelope(w.sandbox, {
      principal: w.backupReader,
      keyIds: [w.orders, w.backup],
      message,
    })

    expect(opened.plaintext).toEqual(patterned(1024))
    expect(summary(opened.calls)).toEqual([
      {
        operation: 'Decrypt',
        caller: w.backupReader,
        keyArn: w.orders,
        outcome: 'AccessDeniedException',
      },
      { operation: 'Decrypt', caller: w.backupReader, keyArn: w.backup, outcome: 'ok' },
    ])
  })

  it('tries every key the message names when no key IDs are given', async () => {
    const message = await sealed([w.orders, w.backup])

    const opened = await decryptEnvelope(w.sandbox, { principal: w.backupReader, message })

    expect(opened.plaintext).toEqual(patterned(1024))
    expect(opened.calls.map((call) => call.keyArn)).toEqual([w.orders, w.backup])
  })

  it('rejects with the KMS refusal when the encrypting principal may not generate', async () => {
    const refused = encryptEnvelope(w.sandbox, {
      principal: w.carol,
      keyIds: [w.orders],
      plaintext: patterned(16),
    })

    const error = await kmsRejection(refused, 'AccessDeniedException')

    expect(error.decision).toMatchObject({
      verdict: 'ImplicitDeny',
      action: 'kms:GenerateDataKey',
      principal: w.carol,
    })
  })

  it('rejects with the Encrypt failure when the second key is disabled', async () => {
    await w.sandbox.kms(w.admin).disableKey({ KeyId: w.backup })

    const refused = encryptEnvelope(w.sandbox, {
      principal: w.writer,
      keyIds: [w.orders, w.backup],
      plaintext: patterned(16),
    })

    await kmsRejection(refused, 'DisabledException')
    expect(summary(w.sandbox.events.slice(-2) as KmsEvent[])).toEqual([
      { operation: 'GenerateDataKey', caller: w.writer, keyArn: w.orders, outcome: 'ok' },
      { operation: 'Encrypt', caller: w.writer, keyArn: w.backup, outcome: 'DisabledException' },
    ])
  })
})

describe('decryptEnvelope refusals', () => {
  it('Guard: a message is decrypted only when its encryption context has every required pair', async () => {
    const message = await sealed([w.orders])
    const before = w.sandbox.events.length

    const error = await rejection(
      decryptEnvelope(w.sandbox, {
        principal: w.ordersReader,
        keyIds: [w.orders],
        message,
        encryptionContext: { tenant: 'globex' },
      }),
    )

    expect(error).toBeInstanceOf(EnvelopeError)
    expect(error).toMatchObject({ code: 'EncryptionContextMismatch' })
    expect((error as Error).message).toContain('tenant=globex')
    expect(w.sandbox.events.length).toBe(before)
  })

  it('decrypts when the required pairs are a subset of the context', async () => {
    const message = await sealed([w.orders])

    const opened = await decryptEnvelope(w.sandbox, {
      principal: w.ordersReader,
      keyIds: [w.orders],
      message,
      encryptionContext: { tenant: 'acme' },
    })

    expect(opened.encryptionContext).toMatchObject(context)
  })

  it('rejects with DisabledException when the key was disabled', async () => {
    const message = await sealed([w.orders])
    await w.sandbox.kms(w.admin).disableKey({ KeyId: w.orders })

    const refused = decryptEnvelope(w.sandbox, {
      principal: w.ordersReader,
      keyIds: [w.orders],
      message,
    })

    await kmsRejection(refused, 'DisabledException')
  })

  it('rejects with the decision when the grant that allowed decrypting was retired', async () => {
    const message = await sealed([w.orders])
    const { GrantId, GrantToken } = await w.sandbox.kms(w.admin).createGrant({
      KeyId: w.orders,
      GranteePrincipal: w.carol,
      RetiringPrincipal: w.admin,
      Operations: ['Decrypt'],
    })
    const asCarol = { principal: w.carol, keyIds: [w.orders], message, grantTokens: [GrantToken] }

    const opened = await decryptEnvelope(w.sandbox, asCarol)
    expect(opened.calls[0]!.decisions[0]!.decidedBy).toEqual([`grant:${GrantId}`])

    await w.sandbox.kms(w.admin).retireGrant({ KeyId: w.orders, GrantId })
    const error = await kmsRejection(decryptEnvelope(w.sandbox, asCarol), 'AccessDeniedException')

    expect(error.decision).toMatchObject({
      verdict: 'ImplicitDeny',
      action: 'kms:Decrypt',
      principal: w.carol,
    })
    expect(error.decision?.grants).toEqual([])
    expect(error.message).toContain(w.carol)
  })

  it('rejects with InvalidMessage when a body byte was altered', async () => {
    const message = await sealed([w.orders])
    message[message.length - 200]! ^= 0x01

    const error = await rejection(
      decryptEnvelope(w.sandbox, { principal: w.ordersReader, keyIds: [w.orders], message }),
    )

    expect(error).toBeInstanceOf(EnvelopeError)
    expect(error).toMatchObject({ code: 'InvalidMessage' })
    expect((error as EnvelopeError).cause).toBeInstanceOf(Error)
  })

  it('rejects with InvalidMessage when the stored encryption context was altered', async () => {
    const message = await sealed([w.orders])
    const at = Buffer.from(message).indexOf('acme')
    message[at]! ^= 0x01
    const before = w.sandbox.events.length

    const error = await rejection(
      decryptEnvelope(w.sandbox, { principal: w.ordersReader, keyIds: [w.orders], message }),
    )

    expect(error).toMatchObject({ code: 'InvalidMessage' })
    expect((error as EnvelopeError).cause).toMatchObject({ code: 'InvalidCiphertextException' })
    expect(w.sandbox.events.length).toBe(before + 1)
  })

  it('rejects with InvalidMessage when the bytes are not a message', async () => {
    const error = await rejection(
      decryptEnvelope(w.sandbox, {
        principal: w.ordersReader,
        keyIds: [w.orders],
        message: patterned(300),
      }),
    )

    expect(error).toMatchObject({ code: 'InvalidMessage' })
  })

  it('rejects with NoMatchingKey when no data key is under the keys given', async () => {
    const message = await sealed([w.orders])

    const error = await rejection(
      decryptEnvelope(w.sandbox, { principal: w.backupReader, keyIds: [w.backup], message }),
    )

    expect(error).toMatchObject({ code: 'NoMatchingKey' })
  })
})

describe('envelope guards', () => {
  it('Guard: an envelope is encrypted under at least one KMS key', async () => {
    const error = await rejection(
      encryptEnvelope(w.sandbox, { principal: w.writer, keyIds: [], plaintext: patterned(8) }),
    )

    expect(error).toBeInstanceOf(RangeError)
  })

  it('Guard: a decrypting keyring names at least one key, or none at all for discovery', async () => {
    const message = await sealed([w.orders])

    const error = await rejection(
      decryptEnvelope(w.sandbox, { principal: w.ordersReader, keyIds: [], message }),
    )

    expect(error).toBeInstanceOf(RangeError)
  })
})

describe('the keyring client', () => {
  it('hands the SDK copies when the SDK zeroes the data keys it receives', async () => {
    const handedOut: Uint8Array[] = []
    const runner: KmsRunner = {
      run: (call) => {
        const result = w.sandbox.run(call)
        if (result.ok && 'Plaintext' in result.response)
          handedOut.push(result.response.Plaintext as Uint8Array)

        return result
      },
    }

    const { message } = await encryptEnvelope(runner, {
      principal: w.writer,
      keyIds: [w.orders],
      plaintext: patterned(64),
    })
    await decryptEnvelope(runner, { principal: w.ordersReader, keyIds: [w.orders], message })

    expect(handedOut).toHaveLength(2)
    expect(handedOut.every((key) => key.some((byte) => byte !== 0))).toBe(true)
  })

  it('opens no socket and sends through no AWS SDK client when encrypting and decrypting', async () => {
    const { KMSClient } = createRequire(import.meta.url)('@aws-sdk/client-kms') as {
      KMSClient: { prototype: { send: () => unknown } }
    }
    const send = vi.spyOn(KMSClient.prototype, 'send')
    const connect = vi.spyOn(net.Socket.prototype, 'connect')

    try {
      const message = await sealed([w.orders, w.backup])
      await decryptEnvelope(w.sandbox, { principal: w.backupReader, message })

      expect(send).not.toHaveBeenCalled()
      expect(connect).not.toHaveBeenCalled()
    } finally {
      send.mockRestore()
      connect.mockRestore()
    }
  })

  it('imports the Encryption SDK only lazily and only under src/crypto', () => {
    const src = join(import.meta.dirname, '..', '..', 'src')
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) =>
      /\.tsx?$/.test(file),
    )
    const eager = files.filter((file) =>
      /^import (?!type )[^;]*from '@aws-crypto/m.test(read(src, file)),
    )
    const outside = files.filter(
      (file) => !file.startsWith('crypto') && read(src, file).includes('@aws-crypto/'),
    )

    expect(eager).toEqual([])
    expect(outside).toEqual([])
  })
})

function read(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8')
}
