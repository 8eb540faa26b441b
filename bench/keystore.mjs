// The in-memory KMS's figures: Encrypt calls per second through the client
// API, and what the KMS keyring costs over a raw AES keyring for a 1 MiB
// Encryption SDK round trip (target: at most 1.15). Run through `npm run bench`,
// which builds dist first. It needs the keystore and crypto exports in
// src/index.ts and says so, rather than failing, while they are missing.
const account = '111122223333'
const alice = `arn:aws:iam::${account}:user/Alice`
const mib = 1024 * 1024
const ratioTarget = 1.15

const needed = [
  'createSandbox',
  'encryptEnvelope',
  'decryptEnvelope',
  'encryptWithLocalKey',
  'decryptWithLocalKey',
]

let api

export default async function benchKeystore() {
  api = await import('../dist/index.js')
  const missing = needed.filter((name) => typeof api[name] !== 'function')
  if (missing.length > 0) {
    console.log(`keystore bench skipped: dist/index.js does not export ${missing.join(', ')} yet`)

    return
  }

  const calls = await encryptCallsPerSecond()
  const count = (n) => n.toLocaleString('en')
  console.log(
    `KMS Encrypt calls per second (client API, symmetric key, 32-byte plaintext): ` +
      `${count(calls.perSecond)} over ${count(calls.fresh)} calls on a fresh sandbox; ` +
      `${count(calls.laterPerSecond)} once its history holds ${count(calls.later)} events`,
  )

  const envelope = await envelopeRatio()
  const verdict = envelope.ratio <= ratioTarget ? 'within' : 'OVER'
  console.log(
    `Encryption SDK 1 MiB encrypt+decrypt, ${envelope.rounds} rounds of 2 each: medians ` +
      `KMS keyring ${envelope.kmsMs.toFixed(2)} ms, ` +
      `raw AES keyring ${envelope.rawMs.toFixed(2)} ms, ` +
      `median ratio ${envelope.ratio.toFixed(3)} (${verdict} the ${ratioTarget} target)`,
  )
}

/** A sandbox where Alice may use every key through IAM, and one symmetric key. */
async function world() {
  const sandbox = api.createSandbox()
  const iam = sandbox.iam(account)
  await iam.createUser({ UserName: 'Alice' })
  await iam.putUserPolicy({
    UserName: 'Alice',
    PolicyName: 'kms',
    PolicyDocument: JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
    }),
  })
  const { KeyMetadata } = await sandbox.kms(alice).createKey({ Description: 'bench' })

  return { sandbox, keyArn: KeyMetadata.Arn }
}

// A fresh sandbox's rate, and the rate once its history holds many calls:
// every call appends to the history, so a cost that grows with it shows here.
async function encryptCallsPerSecond() {
  const { sandbox, keyArn } = await world()
  const client = sandbox.kms(alice)
  const plaintext = new Uint8Array(32).fill(7)
  const encrypt = () => client.encrypt({ KeyId: keyArn, Plaintext: plaintext })
  const rate = (n, ms) => Math.round((n * 1000) / ms)

  for (let i = 0; i < 500; i++) await encrypt()

  const fresh = 5_000
  const start = performance.now()
  for (let i = 0; i < fresh; i++) await encrypt()
  const freshMs = performance.now() - start

  const later = 20_000
  while (sandbox.events.length < later - 1_000) await encrypt()
  const windowStart = performance.now()
  for (let i = 0; i < 1_000; i++) await encrypt()
  const windowMs = performance.now() - windowStart

  return { fresh, perSecond: rate(fresh, freshMs), later, laterPerSecond: rate(1_000, windowMs) }
}

async function envelopeRatio() {
  const { sandbox, keyArn } = await world()
  const plaintext = new Uint8Array(mib).map((_, i) => (i * 31 + 7) % 251)
  const encryptionContext = { purpose: 'bench' }
  const localKey = { namespace: 'bench', name: 'local', key: new Uint8Array(32).fill(9) }

  const keyIds = [keyArn]
  const throughKms = async () => {
    const sealed = { principal: alice, keyIds, plaintext, encryptionContext }
    const { message } = await api.encryptEnvelope(sandbox, sealed)
    const opened = await api.decryptEnvelope(sandbox, { principal: alice, keyIds, message })
    check(opened.plaintext)
  }
  const throughLocalKey = async () => {
    const message = await api.encryptWithLocalKey(localKey, plaintext, encryptionContext)
    check(await api.decryptWithLocalKey(localKey, message))
  }
  const check = (opened) => {
    if (opened.length !== plaintext.length) throw new Error('The round trip lost bytes.')
  }

  for (let i = 0; i < 3; i++) {
    await throughKms()
    await throughLocalKey()
  }

  // Timed in rounds of four runs, KMS-raw-raw-KMS, so that each side runs once
  // first and once second (the second run of a pair tends to pay for the
  // first's garbage); the figure is the median over rounds of the KMS time
  // over the raw time, so drift in a shared machine's speed cancels out too.
  const rounds = 20
  const kms = []
  const raw = []
  const ratios = []
  for (let i = 0; i < rounds; i++) {
    const k1 = await timed(throughKms)
    const r1 = await timed(throughLocalKey)
    const r2 = await timed(throughLocalKey)
    const k2 = await timed(throughKms)
    kms.push(k1, k2)
    raw.push(r1, r2)
    ratios.push((k1 + k2) / (r1 + r2))
  }

  return { rounds, kmsMs: median(kms), rawMs: median(raw), ratio: median(ratios) }
}

async function timed(run) {
  const start = performance.now()
  await run()

  return performance.now() - start
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)

  return sorted[Math.floor(sorted.length / 2)]
}
