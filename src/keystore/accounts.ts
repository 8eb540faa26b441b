import type { Draft } from 'immer'

import type { SandboxState } from './state'

/** Makes sure an account exists: accounts come into being when first named. */
export function ensureAccount(draft: Draft<SandboxState>, id: string): void {
  draft.accounts[id] ??= { id, users: {}, roles: {} }
}

/** Adds `days` (and optionally smaller units) to an ISO instant. */
export function addToInstant(instant: string, milliseconds: number): string {
  return new Date(Date.parse(instant) + milliseconds).toISOString()
}

/** Milliseconds in a day, for deletion windows and rotation periods. */
export const dayMs = 24 * 60 * 60 * 1000
