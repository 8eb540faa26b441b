import type { Decision } from '../policy'
import { KmsError, toPrintable, type KmsEvent, type KmsOperation, type SandboxEvent } from '../keystore'
import { accountOfPrincipal, toPrincipalArn } from './principal-arns'
import { ArgumentError, resolveArgs, type ArgNames } from './resolve-args'
import { checkExpectation } from './check-expectation'
import type { ScenarioStep } from './scenario-schema'
import type { StepResult, StepStatus } from './step-result'
import type { World } from './build-world'
import { runServiceStep, runSdkStep, type ExtraWorld } from './run-extra-steps'

/** What running a step needs beyond the world: names of earlier results. */
export type StepContext = {
  readonly world: World
  readonly extra: ExtraWorld
  readonly outputs: Map<string, unknown>
}

/** What a step's action produced before its expectation is checked. */
export type ActionOutcome = {
  readonly status: StepStatus
  readonly events: readonly SandboxEvent[]
  readonly error?: { readonly code: string; readonly message: string }
  /** The raw result, kept for `$steps.<id>.<field>`; never printed as is. */
  readonly raw?: unknown
}

/**
 * Runs one scenario step against the world and checks its expectation.
 * Never throws for something the step itself got wrong: an argument naming
 * nothing, or a call KMS refuses, becomes the step's result.
 */
export async function runStep(step: ScenarioStep, index: number, context: StepContext): Promise<StepResult> {
  const { world } = context
  const actor = toPrincipalArn(step.as, world.homeAccount)
  const names: ArgNames = { ...world, outputs: context.outputs }

  const outcome = await runAction(step, actor, names, context).catch((thrown: unknown): ActionOutcome => {
    if (thrown instanceof ArgumentError) {
      return { status: 'failed', events: [], error: { code: 'ValidationException', message: thrown.message } }
    }

    throw thrown
  })

  if (step.id && outcome.raw !== undefined) context.outputs.set(step.id, outcome.raw)

  const decision = decisionOf(outcome.events, outcome.status)
  const observed = { status: outcome.status, ...(decision ? { decision } : {}), ...(outcome.error ? { errorCode: outcome.error.code } : {}) }
  const unmet = checkExpectation(step.expect, observed, { ...world, outputs: context.outputs })

  return {
    index,
    step,
    actor,
    status: outcome.status,
    events: outcome.events,
    unmet,
    ...(decision ? { decision } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(outcome.raw !== undefined ? { output: toPrintable(outcome.raw) } : {}),
  }
}

async function runAction(step: ScenarioStep, actor: string, names: ArgNames, context: StepContext): Promise<ActionOutcome> {
  const action = step.do
  const { sandbox } = context.world
  const before = sandbox.eventCount
  const newEvents = () => sandbox.eventsSince(before)

  switch (action.kind) {
    case 'kms': {
      const input = resolveArgs(action.args, names)
      const options = {
        ...(action.via ? { via: action.via } : {}),
        ...(action.context ? { context: action.context } : {}),
      }
      const result = sandbox.run({ principal: actor, operation: action.kms as KmsOperation, input: input as never, options })

      return result.ok
        ? { status: 'allowed', events: newEvents(), raw: result.response }
        : { status: statusOf(result.error), events: newEvents(), error: errorOf(result.error) }
    }

    case 'iam': {
      const account = accountOfPrincipal(step.as, names.homeAccount)
      const client = sandbox.iam(account) as unknown as Record<string, (input: unknown) => Promise<unknown>>
      const method = client[action.iam.charAt(0).toLowerCase() + action.iam.slice(1)]!
      try {
        const raw = await method(resolveArgs(action.args, names))

        return { status: 'done', events: newEvents(), raw }
      } catch (thrown) {
        const error = thrown as { name?: string; code?: string; message?: string }

        return { status: 'failed', events: newEvents(), error: { code: error.code ?? error.name ?? 'Error', message: error.message ?? String(thrown) } }
      }
    }

    case 'clock':
      sandbox.clock.advance(action.args)

      return { status: 'done', events: newEvents() }
    case 'service':
      return runServiceStep(action, actor, names, context)
    case 'sdk':
      return runSdkStep(action, actor, names, context)
  }
}

/** AccessDeniedException is a refusal by policy; every other exception is a failure. */
export function statusOf(error: KmsError): StepStatus {
  return error.code === 'AccessDeniedException' ? 'denied' : 'failed'
}

export function errorOf(error: KmsError): { readonly code: string; readonly message: string } {
  return { code: error.code, message: error.message }
}

/**
 * The decision that explains a step: for a refusal, the first decision that
 * refused; otherwise the last that allowed. A call can record decisions that
 * are not its own authorization, such as the lockout safety check's look at
 * a new key policy, and those must not read as the call being denied.
 */
function decisionOf(events: readonly SandboxEvent[], status: StepStatus): Decision | undefined {
  const decisions = events.filter((event): event is KmsEvent => event.kind === 'kms').flatMap((event) => event.decisions)
  if (status === 'denied') return decisions.find((decision) => decision.verdict !== 'Allow')

  const allowed = decisions.filter((decision) => decision.verdict === 'Allow')

  return allowed[allowed.length - 1] ?? decisions[decisions.length - 1]
}
