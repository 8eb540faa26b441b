/** A principal value from a statement's Principal or NotPrincipal element. */
export type PrincipalValue =
  | { readonly kind: 'any' }
  | { readonly kind: 'aws'; readonly value: string }
  | { readonly kind: 'service'; readonly value: string }
  | { readonly kind: 'federated'; readonly value: string }
  | { readonly kind: 'canonical-user'; readonly value: string }

/** A string pattern compiled once: literal text or a wildcard matcher. */
export type Pattern = {
  readonly source: string
  readonly test: (value: string) => boolean
  /** True when the pattern contains a policy variable that needs substituting first. */
  readonly hasVariables: boolean
}

/** One `Operator: { key: values }` entry of a Condition block. */
export type ConditionClause = {
  /** The operator as written, e.g. `ForAnyValue:StringEqualsIfExists`. */
  readonly operator: string
  /** The base operator, e.g. `StringEquals`. */
  readonly baseOperator: string
  readonly setQualifier?: 'ForAnyValue' | 'ForAllValues'
  readonly ifExists: boolean
  /** The key as written in the policy. */
  readonly key: string
  /** Lower-cased key, for lookup: condition key names are case-insensitive. */
  readonly keyLower: string
  readonly values: readonly string[]
}

/** A statement parsed and compiled, with its original position for explanations. */
export type Statement = {
  readonly index: number
  readonly sid?: string
  readonly effect: 'Allow' | 'Deny'
  readonly principals?: readonly PrincipalValue[]
  readonly notPrincipals?: readonly PrincipalValue[]
  readonly actions?: readonly Pattern[]
  readonly notActions?: readonly Pattern[]
  readonly resources?: readonly Pattern[]
  readonly notResources?: readonly Pattern[]
  readonly conditions: readonly ConditionClause[]
}

/** A key policy or identity policy after parsing: what the evaluator works on. */
export type PolicyDocument = {
  readonly kind: 'key' | 'identity'
  readonly version?: string
  readonly id?: string
  readonly statements: readonly Statement[]
  /** The JSON the document came from, exactly as given. */
  readonly json: unknown
}
