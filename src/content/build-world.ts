import { consoleDefaultPolicy, defaultKeyPolicy, type Sandbox, createSandbox } from '../keystore'
import { toPrincipalArn } from './principal-arns'
import type { KeyPolicySource, Scenario, ScenarioGrant, ScenarioKey } from './scenario-schema'

/** The sandbox a scenario's setup produced, and how its names map to what KMS minted. */
export type World = {
  readonly sandbox: Sandbox
  readonly homeAccount: string
  /** Key ref → key ARN. */
  readonly keys: ReadonlyMap<string, string>
  /** Grant ref → grant ID. */
  readonly grants: ReadonlyMap<string, string>
  /** How many history entries the setup made; step 1 starts after them. */
  readonly setupLength: number
}

/** A setup that KMS refused: the scenario asks for something AWS would not allow. */
export class SetupError extends Error {
  override readonly name = 'SetupError'
}

/**
 * Builds the world a scenario's setup describes, through the public API only:
 * IAM users and roles first (key policies may name them), then each key,
 * created by its account's root user with the default policy so that aliases,
 * grants and states can be set, and only then given its real policy.
 */
export async function buildWorld(scenario: Scenario): Promise<World> {
  const { setup } = scenario
  const sandbox = createSandbox({ region: setup.region })
  const homeAccount = setup.accounts[0]!.id

  for (const account of setup.accounts) await createIdentities(sandbox, account)

  const keys = new Map<string, string>()
  for (const key of setup.keys) keys.set(key.ref, createKey(sandbox, key, scenario))

  const grants = new Map<string, string>()
  for (const grant of setup.grants) grants.set(grant.ref, createGrant(sandbox, grant, { keys, homeAccount }))

  for (const key of setup.keys) finishKey(sandbox, key, keys.get(key.ref)!, homeAccount)

  return { sandbox, homeAccount, keys, grants, setupLength: sandbox.history.length }
}

async function createIdentities(sandbox: Sandbox, account: Scenario['setup']['accounts'][number]) {
  const iam = sandbox.iam(account.id)

  for (const user of account.users) {
    await iam.createUser({ UserName: user.name })
    for (const [name, policy] of Object.entries(user.policies)) {
      await iam.putUserPolicy({ UserName: user.name, PolicyName: name, PolicyDocument: JSON.stringify(policy.document) })
    }
  }

  for (const role of account.roles) {
    await iam.createRole({ RoleName: role.name })
    for (const [name, policy] of Object.entries(role.policies)) {
      await iam.putRolePolicy({ RoleName: role.name, PolicyName: name, PolicyDocument: JSON.stringify(policy.document) })
    }
  }
}

function createKey(sandbox: Sandbox, key: ScenarioKey, scenario: Scenario): string {
  const root = `arn:aws:iam::${key.account}:root`
  const created = sandbox.run({
    principal: root,
    operation: 'CreateKey',
    input: { KeySpec: key.spec, KeyUsage: key.usage, ...(key.description ? { Description: key.description } : {}) },
  })
  if (!created.ok) throw new SetupError(`Failed to create key ${key.ref} in ${scenario.id}: ${created.error.message}`)

  const arn = created.response.KeyMetadata.Arn
  for (const alias of key.aliases) must(sandbox.run({ principal: root, operation: 'CreateAlias', input: { AliasName: alias, TargetKeyId: arn } }), `alias ${alias}`)

  return arn
}

function createGrant(
  sandbox: Sandbox,
  grant: ScenarioGrant,
  names: { readonly keys: ReadonlyMap<string, string>; readonly homeAccount: string },
): string {
  const keyArn = names.keys.get(grant.key) ?? grant.key
  const account = /:(\d{12}):/.exec(keyArn)?.[1] ?? names.homeAccount
  const result = sandbox.run({
    principal: `arn:aws:iam::${account}:root`,
    operation: 'CreateGrant',
    input: {
      KeyId: keyArn,
      GranteePrincipal: toPrincipalArn(grant.grantee, names.homeAccount),
      Operations: [...grant.operations] as never,
      ...(grant.retiringPrincipal ? { RetiringPrincipal: toPrincipalArn(grant.retiringPrincipal, names.homeAccount) } : {}),
      ...(grant.constraints ? { Constraints: toConstraints(grant.constraints) } : {}),
    },
  })

  return must(result, `grant ${grant.ref}`).GrantId
}

function toConstraints(constraints: NonNullable<ScenarioGrant['constraints']>) {
  return {
    ...(constraints.encryptionContextEquals ? { EncryptionContextEquals: { ...constraints.encryptionContextEquals } } : {}),
    ...(constraints.encryptionContextSubset ? { EncryptionContextSubset: { ...constraints.encryptionContextSubset } } : {}),
  }
}

/** Puts the key in its starting state, then gives it its real policy. */
function finishKey(sandbox: Sandbox, key: ScenarioKey, arn: string, homeAccount: string): void {
  const root = `arn:aws:iam::${key.account}:root`
  if (key.state === 'Disabled') must(sandbox.run({ principal: root, operation: 'DisableKey', input: { KeyId: arn } }), `disabling ${key.ref}`)
  if (key.state === 'PendingDeletion') {
    must(sandbox.run({ principal: root, operation: 'ScheduleKeyDeletion', input: { KeyId: arn, PendingWindowInDays: 30 } }), `scheduling deletion of ${key.ref}`)
  }

  const policy = JSON.stringify(policyDocument(key.policy, key, homeAccount))
  const put = sandbox.run({ principal: root, operation: 'PutKeyPolicy', input: { KeyId: arn, Policy: policy, BypassPolicyLockoutSafetyCheck: true } })
  must(put, `the key policy of ${key.ref}`)
}

function policyDocument(source: KeyPolicySource, key: ScenarioKey, homeAccount: string): unknown {
  if (source.kind === 'inline' || source.kind === 'file') return source.document
  if (source.template === 'default') return JSON.parse(defaultKeyPolicy(key.account)) as unknown

  return JSON.parse(
    consoleDefaultPolicy({
      account: key.account,
      keySpec: key.spec,
      keyUsage: key.usage,
      admins: source.admins.map((admin) => toPrincipalArn(admin, homeAccount)),
      users: source.users.map((user) => toPrincipalArn(user, homeAccount)),
      allowAdminsToDelete: source.allowAdminsToDelete,
      externalAccounts: [...source.externalAccounts],
    }),
  ) as unknown
}

function must<T>(result: { readonly ok: true; readonly response: T } | { readonly ok: false; readonly error: Error }, what: string): T {
  if (!result.ok) throw new SetupError(`Failed to set up ${what}: ${result.error.message}`)

  return result.response
}
