import { consoleDefaultPolicy, createSandbox, defaultKeyPolicy, grantPropagationMs, type Sandbox } from '../keystore'
import { toPrincipalArn } from './principal-arns'
import { ArgumentError, readReference, type ArgNames } from './resolve-args'
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

/** A setup that KMS or IAM refused: the scenario asks for something AWS would not allow. */
export class SetupError extends Error {
  override readonly name = 'SetupError'

  constructor(
    message: string,
    /** Where in the scenario, as a JSON pointer such as /setup/keys/0/policy. */
    readonly pointer = '/setup',
  ) {
    super(message)
  }
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

  // Identity policies come after the keys, so that they can name them: $keys.<ref>.Arn.
  const names = { homeAccount, keys, grants: new Map<string, string>(), outputs: new Map<string, unknown>() }
  for (const [index, account] of setup.accounts.entries()) await attachPolicies(sandbox, account, names, index)

  const grants = new Map<string, string>()
  for (const grant of setup.grants) grants.set(grant.ref, createGrant(sandbox, grant, { keys, homeAccount }))

  for (const [index, key] of setup.keys.entries()) finishKey(sandbox, key, { keys, homeAccount, index })

  // Grants that exist when a scenario starts have had time to reach every KMS host.
  if (grants.size > 0) sandbox.clock.advance({ seconds: grantPropagationMs / 1000 })

  return { sandbox, homeAccount, keys, grants, setupLength: sandbox.historyLength }
}

type SetupAccount = Scenario['setup']['accounts'][number]

async function createIdentities(sandbox: Sandbox, account: SetupAccount): Promise<void> {
  const iam = sandbox.iam(account.id)
  for (const user of account.users) await iam.createUser({ UserName: user.name })
  for (const role of account.roles) await iam.createRole({ RoleName: role.name })
}

async function attachPolicies(sandbox: Sandbox, account: SetupAccount, names: ArgNames, index: number): Promise<void> {
  const iam = sandbox.iam(account.id)
  const text = (document: unknown) => JSON.stringify(resolveSetupReferences(document, names))
  const attach = async (kind: 'users' | 'roles', identity: SetupAccount['users'][number], at: number) => {
    for (const [name, policy] of Object.entries(identity.policies)) {
      const input = { PolicyName: name, PolicyDocument: text(policy.document) }
      try {
        if (kind === 'users') await iam.putUserPolicy({ UserName: identity.name, ...input })
        else await iam.putRolePolicy({ RoleName: identity.name, ...input })
      } catch (thrown) {
        const reason = thrown instanceof Error ? thrown.message : String(thrown)
        const pointer = `/setup/accounts/${index}/${kind}/${at}/policies/${name}`
        throw new SetupError(`IAM refused the policy ${name} of ${kind === 'users' ? 'user' : 'role'} ${identity.name}: ${reason}`, pointer)
      }
    }
  }

  for (const [at, user] of account.users.entries()) await attach('users', user, at)
  for (const [at, role] of account.roles.entries()) await attach('roles', role, at)
}

function resolveSetupReferences(document: unknown, names: ArgNames): unknown {
  try {
    return readReference(document, names)
  } catch (thrown) {
    if (thrown instanceof ArgumentError) throw new SetupError(thrown.message)

    throw thrown
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
function finishKey(sandbox: Sandbox, key: ScenarioKey, at: { readonly keys: ReadonlyMap<string, string>; readonly homeAccount: string; readonly index: number }): void {
  const { keys, homeAccount, index } = at
  const arn = keys.get(key.ref)!
  const root = `arn:aws:iam::${key.account}:root`
  if (key.state === 'Disabled') must(sandbox.run({ principal: root, operation: 'DisableKey', input: { KeyId: arn } }), `disabling ${key.ref}`)
  if (key.state === 'PendingDeletion') {
    must(sandbox.run({ principal: root, operation: 'ScheduleKeyDeletion', input: { KeyId: arn, PendingWindowInDays: 30 } }), `scheduling deletion of ${key.ref}`)
  }

  const document = policyDocument(key.policy, key, homeAccount)
  const policy = JSON.stringify(resolveSetupReferences(document, { homeAccount, keys, grants: new Map(), outputs: new Map() }))
  const put = sandbox.run({ principal: root, operation: 'PutKeyPolicy', input: { KeyId: arn, Policy: policy, BypassPolicyLockoutSafetyCheck: true } })
  if (!put.ok) throw new SetupError(`KMS refused the key policy of ${key.ref}: ${put.error.message}`, `/setup/keys/${index}/policy`)
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
