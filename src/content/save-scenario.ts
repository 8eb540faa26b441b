import { stringify } from 'yaml'
import type { ScenarioSession } from './scenario-session'
import type { KeyPolicySource, Scenario, ScenarioStep } from './scenario-schema'
import type { StepResult } from './step-result'

/** How to name the saved scenario. */
export type SaveOptions = {
  /** The new scenario's id, such as the file's name; by default `<scenario id>-free-play`. */
  readonly id?: string
}

/**
 * Writes a played session as a new scenario in the YAML format: the original
 * setup, then every step played so far (scenario and free-play steps alike),
 * each expecting what it did, so that the new file replays green and a
 * trainer can edit it into a lesson.
 */
export function toScenarioYaml(session: ScenarioSession, options: SaveOptions = {}): string {
  const { scenario } = session
  const document = {
    formatVersion: 1,
    id: options.id ?? `${scenario.id}-free-play`,
    title: `${scenario.title} (free play)`,
    summary: `Saved from a free-play session of ${scenario.id}.`,
    lesson: scenario.lesson,
    setup: toSetup(scenario),
    steps: session.results.map(toStep),
  }

  return stringify(document, { lineWidth: 100 })
}

function toSetup(scenario: Scenario): unknown {
  const { setup } = scenario

  return {
    region: setup.region,
    accounts: setup.accounts.map((account) => ({
      id: account.id,
      ...(account.name ? { name: account.name } : {}),
      users: account.users.map(toIdentity),
      roles: account.roles.map(toIdentity),
    })),
    keys: setup.keys.map(({ policy, ...key }) => ({ ...key, policy: toPolicySource(policy) })),
    grants: setup.grants,
  }
}

function toIdentity(identity: Scenario['setup']['accounts'][number]['users'][number]): unknown {
  const policies = Object.fromEntries(
    Object.entries(identity.policies).map(([name, policy]) => [name, policy.document]),
  )

  return { name: identity.name, policies }
}

function toPolicySource(source: KeyPolicySource): unknown {
  if (source.kind === 'inline' || source.kind === 'file') return { inline: source.document }

  const { kind: _kind, ...template } = source

  return template
}

function toStep(result: StepResult): unknown {
  const step: ScenarioStep = result.step
  const { kind: _kind, ...action } = step.do

  return {
    ...(step.id ? { id: step.id } : {}),
    as: step.as,
    ...(step.narration ? { narration: step.narration } : {}),
    do: action,
    ...expectationOf(result),
  }
}

/**
 * What the step did, as an expectation. A step that failed before KMS
 * authorized anything (a ValidationException for an argument that named
 * nothing) was neither allowed nor denied: only its error is expected.
 */
function expectationOf(result: StepResult): { readonly expect?: unknown } {
  const { status, error, decision } = result
  if (status === 'done') return {}
  if (status === 'denied') return { expect: { outcome: 'denied' } }
  if (status === 'failed' && !decision) return error ? { expect: { error: error.code } } : {}

  return { expect: { outcome: 'allowed', ...(error ? { error: error.code } : {}) } }
}
