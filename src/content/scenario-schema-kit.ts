import { z } from 'zod'
import { principalFormatHint, parsePrincipalRef } from './scenario-principals'
import { unknownFieldMessage, unknownWordMessage } from './scenario-messages'

// Building blocks shared by the scenario schemas.

/** True for a plain mapping (not a list, not null). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A mapping that rejects unknown fields, one message line per field with a
 * did-you-mean. `hidden` fields (such as an injected `kind`) are never suggested.
 */
export function strict<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  hidden: readonly string[] = [],
) {
  const known = Object.keys(shape).filter((field) => !hidden.includes(field))

  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((field) => unknownFieldMessage(field, known)).join('\n')
        : undefined,
  })
}

/** One word from a closed list; a miss reads `unknown <noun> "x" (did you mean "y"?)`. */
export function oneOf<const Values extends readonly [string, ...string[]]>(
  values: Values,
  noun: string,
) {
  return z.enum(values, {
    // A missing field falls through to the loader's "missing required field".
    error: (issue) =>
      issue.input === undefined ? undefined : unknownWordMessage(noun, issue.input, values),
  })
}

/**
 * A preprocessing step for mappings that hold exactly one of several keys
 * (`kms:`/`iam:`… in a step's `do`, `inline:`/`file:`/`template:` in a policy).
 * It names the one present as `kind`, so a discriminated union can pick the
 * right variant and report that variant's own problems.
 */
export function withKind(kinds: readonly string[], what: string) {
  return (value: unknown, context: z.core.$RefinementCtx): unknown => {
    if (!isRecord(value)) return value

    const present = kinds.filter((kind) => kind in value)
    const problem = kindProblem(present, 'kind' in value, kinds, what)
    if (problem !== undefined) {
      context.issues.push({ code: 'custom', message: problem, input: value })
      return value
    }

    return { ...value, kind: present[0] }
  }
}

function kindProblem(
  present: readonly string[],
  hasKind: boolean,
  kinds: readonly string[],
  what: string,
): string | undefined {
  if (hasKind) {
    return `unknown field \`kind\`: ${what} takes its kind from its ${kinds.join(' / ')} key`
  }
  if (present.length === 0) return `${what} needs exactly one of ${kinds.join(', ')}`
  if (present.length > 1) {
    return `${what} takes exactly one of ${kinds.join(', ')}, found ${present.join(' and ')}`
  }

  return undefined
}

/** Non-empty text. */
export const text = z.string().min(1, 'must not be empty')

/** A lower-case, dash-separated id such as `grant-opens-one-door`. */
export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as orders-key')

/** A 12-digit AWS account id, as text. */
export const accountId = z
  .string()
  .regex(/^\d{12}$/, 'expected a 12-digit account id in quotes, such as "111122223333"')

/** A principal in any form `parsePrincipalRef` reads. */
export const principalText = z
  .string()
  .refine((value) => parsePrincipalRef(value) !== undefined, {
    error: (issue) => `cannot read principal "${String(issue.input)}": ${principalFormatHint}`,
  })

/** A string-to-string mapping, such as an encryption context. */
export const stringMap = z.record(z.string(), z.string())
