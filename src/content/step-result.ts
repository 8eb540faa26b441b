import type { Decision } from '../policy'
import type { Printable, SandboxEvent } from '../keystore'
import type { ScenarioStep } from './scenario-schema'

/** How a step ended, in the words the expectations use. */
export type StepStatus =
  /** Every authorization allowed and the call succeeded. */
  | 'allowed'
  /** An authorization refused: AccessDeniedException. */
  | 'denied'
  /** Authorized (or not a KMS call), but it failed with another exception. */
  | 'failed'
  /** A step that authorizes nothing (clock, IAM) and succeeded. */
  | 'done'

/** One step run: what happened, why, and whether the scenario's expectation held. */
export type StepResult = {
  readonly index: number
  readonly step: ScenarioStep
  /** Who acted, as an ARN. */
  readonly actor: string
  readonly status: StepStatus
  /** Every event the step caused, in order (a service or SDK step causes several). */
  readonly events: readonly SandboxEvent[]
  /** The decision that explains the outcome: the first refusal, else the last allow. */
  readonly decision?: Decision
  readonly error?: { readonly code: string; readonly message: string }
  /** The result with binary fields redacted, fit for printing. */
  readonly output?: Printable
  /** Problems with the expectation; empty when it held or there was none. */
  readonly unmet: readonly string[]
  /** Set for a free-play step the learner ran, which is not part of the scenario. */
  readonly extra?: boolean
}
