import type { Draft } from 'immer'

import type { GrantConstraints, PolicyDocument } from '../policy'
import type { KeyMaterial, KeySpec, KeyUsage } from './crypto'
import type { KeyState } from './key-rules'
import { seedRng, type RngState } from './rng'

// The sandbox's whole world as one immutable value, updated with immer. Every
// field is plain data except `KeyRecord.material`: an opaque, frozen class
// instance from ./crypto that immer leaves alone (it is not draftable), whose
// secret lives in a WeakMap inside ./crypto. It prints as '[key material]',
// so a state can be logged or serialised without revealing a key, and old
// states in the history keep their material, so restoring one works.

/** A policy document as the caller wrote it, with its parsed form for the engine. */
export type StoredPolicy = {
  readonly text: string
  readonly document: PolicyDocument
}

/** An IAM user or role. */
export type IamPrincipal = {
  readonly kind: 'user' | 'role'
  readonly name: string
  readonly path: string
  readonly arn: string
  readonly account: string
  /** AIDA… for users, AROA… for roles; a recreated principal gets a new one. */
  readonly uniqueId: string
  readonly createDate: string
  /** Inline identity policies by name. */
  readonly policies: Readonly<Record<string, StoredPolicy>>
}

/** An AWS account: it exists as soon as anything names it. */
export type Account = {
  readonly id: string
  readonly users: Readonly<Record<string, IamPrincipal>>
  readonly roles: Readonly<Record<string, IamPrincipal>>
}

/** A grant on a key. */
export type GrantRecord = {
  readonly grantId: string
  readonly keyId: string
  readonly name?: string
  readonly granteePrincipal: string
  readonly retiringPrincipal?: string
  readonly operations: readonly string[]
  readonly constraints?: GrantConstraints
  /** The account principal ARN of the caller that created the grant. */
  readonly issuingAccount: string
  readonly creationDate: string
  /** Every token CreateGrant returned for this grant; all are interchangeable. */
  readonly tokens: readonly string[]
  /** Until this instant the grant works only for requests that carry one of its tokens. */
  readonly consistentAt: string
}

/** A KMS key with everything KMS keeps about it. */
export type KeyRecord = {
  readonly keyId: string
  readonly arn: string
  readonly account: string
  readonly description: string
  readonly keySpec: KeySpec
  readonly keyUsage: KeyUsage
  readonly origin: 'AWS_KMS' | 'EXTERNAL'
  readonly multiRegion: boolean
  readonly state: KeyState
  readonly creationDate: string
  readonly deletionDate?: string
  readonly pendingWindowInDays?: number
  /** Present while automatic rotation is enabled. */
  readonly rotation?: { readonly periodInDays: number; readonly nextRotationDate: string }
  readonly policy: StoredPolicy
  /** Tags in the order they were added. */
  readonly tags: Readonly<Record<string, string>>
  readonly grants: readonly GrantRecord[]
  /** Absent for a key with Origin EXTERNAL, which has no material until an import. */
  readonly material?: KeyMaterial
}

/** An alias: a friendly name in one account and Region that points at one key. */
export type AliasRecord = {
  readonly aliasName: string
  readonly aliasArn: string
  readonly account: string
  readonly targetKeyId: string
  readonly creationDate: string
  readonly lastUpdatedDate: string
}

/** The sandbox's world at one instant. */
export type SandboxState = {
  readonly region: string
  /** The simulated clock, as an ISO 8601 instant. */
  readonly now: string
  readonly rng: RngState
  readonly accounts: Readonly<Record<string, Account>>
  /** Keys by key ID. */
  readonly keys: Readonly<Record<string, KeyRecord>>
  /** Aliases by alias ARN. */
  readonly aliases: Readonly<Record<string, AliasRecord>>
}

/** How a new sandbox starts. */
export type SandboxOptions = {
  readonly seed?: number | string
  readonly region?: string
  readonly start?: Date | string
}

/** The seed, Region and instant a sandbox starts with unless told otherwise. */
export const sandboxDefaults = {
  seed: 20260101,
  region: 'us-west-2',
  start: '2026-01-01T00:00:00.000Z',
} as const

/** An empty world: no accounts, keys or aliases; the clock at the start instant. */
export function initialState(options: SandboxOptions = {}): SandboxState {
  const start = options.start ?? sandboxDefaults.start

  return {
    region: options.region ?? sandboxDefaults.region,
    now: new Date(start).toISOString(),
    rng: seedRng(options.seed ?? sandboxDefaults.seed),
    accounts: {},
    keys: {},
    aliases: {},
  }
}

/** Makes sure an account exists: accounts come into being when first named. */
export function ensureAccount(draft: Draft<SandboxState>, id: string): void {
  draft.accounts[id] ??= { id, users: {}, roles: {} }
}
