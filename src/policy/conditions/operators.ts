import { compileArn } from './arn'
import { compileBinary, compileBool } from './bool-binary'
import { compileDate } from './date'
import { compileIp } from './ip'
import { compileNumeric } from './numeric'
import { compileString } from './string'

/** Every IAM condition operator, without qualifiers or the IfExists suffix. */
export const conditionOperators = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const

export type ConditionOperator = (typeof conditionOperators)[number]

const negated: ReadonlySet<string> = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
])

/** Negated operators match when the request value matches none of the policy values. */
export function isNegated(operator: string): boolean {
  return negated.has(operator)
}

/** Operators whose values may hold policy variables such as `${aws:username}`. */
export function allowsVariables(operator: string): boolean {
  return operator.startsWith('String') || operator.startsWith('Arn')
}

/**
 * Compiles one policy value into a test of one request value, using the
 * positive form of the operator (`StringNotLike` compiles as `StringLike`).
 */
export function compileValue(operator: string, expected: string): (actual: string) => boolean {
  const positive = positiveForm(operator)

  if (positive.startsWith('String')) return compileString(positive, expected)
  if (positive.startsWith('Numeric')) return compileNumeric(positive, expected)
  if (positive.startsWith('Date')) return compileDate(positive, expected)
  if (positive === 'Bool') return compileBool(expected)
  if (positive === 'BinaryEquals') return compileBinary(expected)
  if (positive === 'IpAddress') return compileIp(expected)

  return compileArn(expected)
}

function positiveForm(operator: string): string {
  if (operator === 'NotIpAddress') return 'IpAddress'

  return operator.replace('Not', '')
}
