import { consoleDefaultPolicy, createSandbox, type Sandbox } from '../../src/keystore'

/** The AWS documentation's account. */
export const account = '111122223333'

/** The ARN of an IAM user in the account. */
export function userArn(name: string): string {
  return `arn:aws:iam::${account}:user/${name}`
}

/** A sandbox with a key under a console-style policy, its administrator, and Alice, a key user. */
export type Ec2World = {
  readonly sandbox: Sandbox
  readonly keyArn: string
  /** A key user with no IAM policy: only the key policy lets her use the key. */
  readonly alice: string
  /** Administers the key, through the key policy and an IAM policy allowing kms:CreateKey. */
  readonly admin: string
}

/** How the key policy departs from the console's. */
export type PolicyOptions = {
  /** False drops "Allow attachment of persistent resources": Alice loses kms:CreateGrant. */
  readonly withAttachment?: boolean
  /** Statements appended to the policy. */
  readonly extraStatements?: readonly object[]
}

/** Builds the world: the users, then the key as its administrator. */
export async function ec2World(options: PolicyOptions = {}): Promise<Ec2World> {
  const sandbox = createSandbox()
  const iam = sandbox.iam(account)
  await iam.createUser({ UserName: 'KeyAdmin' })
  await iam.createUser({ UserName: 'Alice' })
  await iam.putUserPolicy({
    UserName: 'KeyAdmin',
    PolicyName: 'create-keys',
    PolicyDocument: JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 'kms:CreateKey', Resource: '*' }],
    }),
  })

  const admin = userArn('KeyAdmin')
  const alice = userArn('Alice')
  const { KeyMetadata } = await sandbox.kms(admin).createKey({
    Description: 'ebs',
    Policy: keyPolicy(admin, alice, options),
  })

  return { sandbox, keyArn: KeyMetadata.Arn, alice, admin }
}

function keyPolicy(admin: string, alice: string, options: PolicyOptions): string {
  const policy = JSON.parse(consoleDefaultPolicy({ account, admins: [admin], users: [alice] })) as {
    readonly Statement: readonly { readonly Sid?: string }[]
  }
  const kept = policy.Statement.filter(
    (s) => options.withAttachment !== false || s.Sid !== 'Allow attachment of persistent resources',
  )

  return JSON.stringify(
    { ...policy, Statement: [...kept, ...(options.extraStatements ?? [])] },
    null,
    2,
  )
}
