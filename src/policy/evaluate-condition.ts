import { allowsVariables, compileValue, isNegated } from './conditions/operators'
import type { MissReason } from './decision'
import type { ConditionClause } from './policy-document'
import { valuesOf, type RequestContext } from './request-context'
import { hasVariables, substituteVariables } from './variables'

type ValueTest = (actual: string) => boolean

// Compiled tests per clause, made on first use and kept as long as the policy lives.
const compiled = new WeakMap<ConditionClause, readonly (ValueTest | undefined)[]>()

/**
 * Evaluates every clause of a statement's Condition block (all must hold) and
 * adds one miss per clause that does not to `misses`.
 */
export function evaluateConditions(
  clauses: readonly ConditionClause[],
  context: RequestContext,
  misses: MissReason[],
): void {
  for (const clause of clauses) {
    const miss = evaluateClause(clause, context)
    if (miss) misses.push(miss)
  }
}

function evaluateClause(clause: ConditionClause, context: RequestContext): MissReason | undefined {
  const actual = valuesOf(context, clause.keyLower)
  const fail = (extra?: { expected?: readonly string[]; unresolvedVariable?: string }): MissReason => ({
    kind: 'condition-failed',
    operator: clause.operator,
    key: clause.key,
    expected: extra?.expected ?? clause.values,
    actual,
    ...(extra?.unresolvedVariable ? { unresolvedVariable: extra.unresolvedVariable } : {}),
  })

  if (clause.baseOperator === 'Null') {
    const wantsAbsent = clause.values.some((value) => value.toLowerCase() === 'true')
    const wantsPresent = clause.values.some((value) => value.toLowerCase() === 'false')
    const present = actual.length > 0

    return (present && wantsPresent) || (!present && wantsAbsent) ? undefined : fail()
  }

  if (actual.length === 0) {
    const holds = clause.ifExists || clause.setQualifier === 'ForAllValues' ||
      (clause.setQualifier === undefined && isNegated(clause.baseOperator))

    return holds ? undefined : fail()
  }

  const tests = testsFor(clause, context)
  if (!tests.ok) return fail({ expected: tests.expected, unresolvedVariable: tests.variable })

  return holdsFor(clause, actual, tests.tests) ? undefined : fail({ expected: tests.expected })
}

type Tests =
  | { readonly ok: true; readonly tests: readonly ValueTest[]; readonly expected: readonly string[] }
  | { readonly ok: false; readonly variable: string; readonly expected: readonly string[] }

function testsFor(clause: ConditionClause, context: RequestContext): Tests {
  const cached = compiled.get(clause) ?? compileClause(clause)
  if (cached.every((test) => test !== undefined)) {
    return { ok: true, tests: cached as readonly ValueTest[], expected: clause.values }
  }

  // Some values hold policy variables: substitute them for this request.
  const expected: string[] = []
  for (const value of clause.values) {
    const substituted = substituteVariables(value, context)
    if (!substituted.ok) return { ok: false, variable: substituted.variable, expected: clause.values }

    expected.push(substituted.value)
  }

  return { ok: true, tests: expected.map((value) => compileValue(clause.baseOperator, value)), expected }
}

function compileClause(clause: ConditionClause): readonly (ValueTest | undefined)[] {
  const variablesAllowed = allowsVariables(clause.baseOperator)
  const tests = clause.values.map((value) =>
    variablesAllowed && hasVariables(value) ? undefined : compileValue(clause.baseOperator, value),
  )
  compiled.set(clause, tests)

  return tests
}

function holdsFor(clause: ConditionClause, actual: readonly string[], tests: readonly ValueTest[]): boolean {
  const negated = isNegated(clause.baseOperator)
  // One request value satisfies the operator: for a positive operator it matches
  // some policy value; for a negated one it matches none of them.
  const satisfies = (value: string): boolean => tests.some((test) => test(value)) !== negated

  if (clause.setQualifier === 'ForAllValues') return actual.every(satisfies)
  if (clause.setQualifier === 'ForAnyValue') return actual.some(satisfies)

  return negated ? actual.every(satisfies) : actual.some(satisfies)
}
