import { createSandbox, type Sandbox } from '../../src/keystore'

/** The AWS documentation's account. */
export const account = '111122223333'

/** The ARN of an IAM user in the account. */
export function userArn(name: string): string {
  return `arn:aws:iam::${account}:user/${name}`
}

/** Two keys under the default key policy, so IAM decides, and the users that use them. */
export type CryptoWorld = {
  readonly sandbox: Sandbox
  readonly orders: string
  readonly backup: string
  /** Administers every key through IAM. */
  readonly admin: string
  /** May GenerateDataKey and Encrypt under both keys. */
  readonly writer: string
  /** May Decrypt under `orders` only. */
  readonly ordersReader: string
  /** May Decrypt under `backup` only. */
  readonly backupReader: string
  /** Has no policy at all. */
  readonly carol: string
}

/** Builds the world: users first, then keys as the admin, then policies naming the key ARNs. */
export async function cryptoWorld(): Promise<CryptoWorld> {
  const sandbox = createSandbox()
  const iam = sandbox.iam(account)
  for (const name of ['KeyAdmin', 'Writer', 'OrdersReader', 'BackupReader', 'Carol']) {
    await iam.createUser({ UserName: name })
  }

  await iam.putUserPolicy({
    UserName: 'KeyAdmin',
    PolicyName: 'kms',
    PolicyDocument: allow('kms:*', '*'),
  })
  const admin = sandbox.kms(userArn('KeyAdmin'))
  const orders = (await admin.createKey({ Description: 'orders' })).KeyMetadata.Arn
  const backup = (await admin.createKey({ Description: 'backup' })).KeyMetadata.Arn

  const write = allow(['kms:GenerateDataKey', 'kms:Encrypt'], [orders, backup])
  await iam.putUserPolicy({ UserName: 'Writer', PolicyName: 'write', PolicyDocument: write })
  await iam.putUserPolicy({
    UserName: 'OrdersReader',
    PolicyName: 'read',
    PolicyDocument: allow('kms:Decrypt', orders),
  })
  await iam.putUserPolicy({
    UserName: 'BackupReader',
    PolicyName: 'read',
    PolicyDocument: allow('kms:Decrypt', backup),
  })

  return {
    sandbox,
    orders,
    backup,
    admin: userArn('KeyAdmin'),
    writer: userArn('Writer'),
    ordersReader: userArn('OrdersReader'),
    backupReader: userArn('BackupReader'),
    carol: userArn('Carol'),
  }
}

function allow(actions: string | readonly string[], resource: string | readonly string[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }],
  })
}

/** `size` bytes of a repeating, recognisable pattern. */
export function patterned(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) % 251)
}
