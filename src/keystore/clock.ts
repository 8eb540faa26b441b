import { produce } from 'immer'

import type { ClockEvent } from './events'
import type { SandboxState } from './state'

/** Milliseconds in a day, for deletion windows and rotation periods. */
export const dayMs = 24 * 60 * 60 * 1000

/** An ISO instant `milliseconds` later. */
export function addToInstant(instant: string, milliseconds: number): string {
  return new Date(Date.parse(instant) + milliseconds).toISOString()
}

/** How far to move the simulated clock; the parts add up. */
export type Duration = {
  readonly days?: number
  readonly hours?: number
  readonly minutes?: number
  readonly seconds?: number
}

/** The duration in milliseconds. */
export function toMilliseconds(duration: Duration): number {
  const { days = 0, hours = 0, minutes = 0, seconds = 0 } = duration

  return days * dayMs + hours * 3_600_000 + minutes * 60_000 + seconds * 1000
}

/**
 * Moves the clock forward. Keys whose deletion date has come are deleted with
 * their aliases and grants; grants older than their propagation time become
 * consistent on their own (see toGrantInput); rotation dates move on. Pure.
 * Docs: KMS Developer Guide › Deleting AWS KMS keys (waiting period)
 */
export function advanceClock(
  state: SandboxState,
  duration: Duration,
): { readonly state: SandboxState; readonly event: ClockEvent } {
  const milliseconds = toMilliseconds(duration)

  // Guard: the simulated clock only moves forward.
  if (!Number.isFinite(milliseconds) || milliseconds < 0) {
    throw new RangeError(`The clock moves forward only; got ${milliseconds} ms.`)
  }

  const now = addToInstant(state.now, milliseconds)
  const due = Object.values(state.keys).filter(
    (key) => key.state === 'PendingDeletion' && (key.deletionDate ?? now) <= now,
  )

  const next = produce(state, (draft) => {
    draft.now = now
    for (const key of due) delete draft.keys[key.keyId]

    for (const alias of Object.values(draft.aliases)) {
      if (!draft.keys[alias.targetKeyId]) delete draft.aliases[alias.aliasArn]
    }

    for (const key of Object.values(draft.keys)) {
      const rotation = key.rotation
      while (rotation && rotation.nextRotationDate <= now) {
        const period = rotation.periodInDays * dayMs
        rotation.nextRotationDate = addToInstant(rotation.nextRotationDate, period)
      }
    }
  })

  const deletedKeys = due.map((key) => key.arn)

  return { state: next, event: { kind: 'clock', time: now, from: state.now, deletedKeys } }
}
