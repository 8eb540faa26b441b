import type { Decision } from '../policy'
import { toPrincipalArn } from './principal-arns'
import type { StepExpectation } from './scenario-schema'
import type { StepStatus } from './step-result'

type Observed = {
  readonly status: StepStatus
  readonly decision?: Decision
  readonly errorCode?: string
}

/**
 * Compares what a step did with what its scenario expected and lists each
 * difference in a sentence; an empty list means the expectation held.
 * `decidedBy` must all be among the deciding refs (others may decide too).
 */
export function checkExpectation(
  expected: StepExpectation | undefined,
  observed: Observed,
  names: RefNames,
): readonly string[] {
  if (!expected) return []

  const unmet: string[] = []
  const outcome = observed.status === 'denied' ? 'denied' : 'allowed'
  if (expected.outcome && expected.outcome !== outcome) {
    unmet.push(`expected the request to be ${expected.outcome}, but it was ${outcome}`)
  }

  // A refusal already shows in the outcome; any other failure must be expected by name.
  const unexpectedFailure = !expected.error && observed.errorCode && observed.status !== 'denied'
  if ((expected.error && expected.error !== observed.errorCode) || unexpectedFailure) {
    unmet.push(`expected ${expected.error ?? 'no error'}, got ${observed.errorCode ?? 'no error'}`)
  }

  const deciding = observed.decision?.decidedBy ?? []
  for (const ref of expected.decidedBy ?? []) {
    const actual = toEngineRef(ref, names)
    if (!deciding.includes(actual)) {
      const got = deciding.length > 0 ? deciding.join(', ') : 'nothing'
      unmet.push(`expected ${ref} to decide, but the deciding ${deciding.length === 1 ? 'one was' : 'ones were'} ${got}`)
    }
  }

  return unmet
}

/** What scenario refs resolve against: the home account, setup grants, earlier results. */
type RefNames = {
  readonly homeAccount: string
  readonly grants: ReadonlyMap<string, string>
  readonly outputs?: ReadonlyMap<string, unknown>
}

/**
 * `identity:user/alice:Sid` → `identity:<alice's ARN>:Sid`; `grant:<ref>` →
 * `grant:<id>`, where the ref names a setup grant or, as `$steps.<id>`, the
 * grant an earlier CreateGrant step made.
 */
function toEngineRef(ref: string, names: RefNames): string {
  if (ref.startsWith('grant:')) {
    const name = ref.slice('grant:'.length)
    const stepId = name.startsWith('$steps.') ? name.slice('$steps.'.length) : undefined
    const created = stepId === undefined ? undefined : names.outputs?.get(stepId)
    const createdId = typeof created === 'object' && created !== null ? (created as { GrantId?: unknown }).GrantId : undefined

    return `grant:${typeof createdId === 'string' ? createdId : (names.grants.get(name) ?? name)}`
  }

  if (ref.startsWith('identity:')) {
    const rest = ref.slice('identity:'.length)
    const colon = rest.lastIndexOf(':')

    return `identity:${toPrincipalArn(rest.slice(0, colon), names.homeAccount)}${rest.slice(colon)}`
  }

  return ref
}
