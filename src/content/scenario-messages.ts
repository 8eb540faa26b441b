import type { z } from 'zod'
import { suggest } from '../shared/suggest'

export { suggest }

// Wording for scenario content problems lives here, so every message reads
// alike: what was found, what was expected, and a likely fix.

/** ` (did you mean "X"?)` for a near miss, or an empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const guess = suggest(word, candidates)

  return guess === undefined ? '' : ` (did you mean "${guess}"?)`
}

/** The message for a word outside a closed list, e.g. an unknown KMS API name. */
export function unknownWordMessage(
  noun: string,
  input: unknown,
  values: readonly string[],
): string {
  if (typeof input !== 'string') return `expected a ${noun}, found ${describeValue(input)}`

  const guess = didYouMean(input, values)
  if (values.length <= 8) {
    return `unknown ${noun} "${input}"${guess}: expected one of ${values.join(' | ')}`
  }

  return `unknown ${noun} "${input}"${guess}; docs/scenario-format.md lists the accepted names`
}

/** The message for a field this mapping does not take, suggesting the one probably meant. */
export function unknownFieldMessage(field: string, known: readonly string[]): string {
  const guess = suggest(field, known)
  if (guess !== undefined) return `unknown field \`${field}\` (did you mean \`${guess}\`?)`

  return `unknown field \`${field}\`; this mapping takes: ${known.join(', ')}`
}

/** A short description of a YAML value for messages: `"text"`, `42`, `a list`… */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'an empty value'
  if (typeof value === 'string') {
    return value.length > 40 ? `"${value.slice(0, 37)}..."` : `"${value}"`
  }
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'

  return String(value)
}

/** The message of a thrown value, for "Failed to …" sentences. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

const expectedNames: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
  array: 'a list',
}

/**
 * The error map the loader parses scenarios with. Schemas that know better
 * (closed word lists, formats) set their own message; this covers the rest.
 */
export function scenarioErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  const field = issue.path?.at(-1)
  if ((issue.path ?? []).length === 0 && issue.input == null) {
    return 'the scenario is empty; it starts with formatVersion: 1 and then id, title, summary…'
  }
  if (issue.input === undefined && typeof field === 'string' && issue.code !== 'custom') {
    return `missing required field \`${field}\``
  }

  switch (issue.code) {
    case 'invalid_type':
      return wrongTypeMessage(issue.expected, issue.input)

    case 'invalid_value':
      return unknownWordMessage('value', issue.input, issue.values.map(String))

    case 'invalid_union':
      return unionMessage(issue)

    case 'invalid_key':
      return issue.issues[0]?.message

    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`
        : `must be at least ${String(issue.minimum)}`

    default:
      return undefined
  }
}

function wrongTypeMessage(expected: string, input: unknown): string {
  const wanted = expectedNames[expected] ?? expected
  if (expected === 'string' && typeof input === 'number') {
    // YAML reads unquoted digits such as account ids as numbers.
    return `expected text, found the number ${String(input)}; put it in quotes: "${String(input)}"`
  }

  return `expected ${wanted}, found ${describeValue(input)}`
}

function unionMessage(
  issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidUnion>,
): string | undefined {
  const extra = issue as { readonly discriminator?: string; readonly options?: readonly unknown[] }
  if (extra.discriminator === undefined || extra.options === undefined) return undefined

  const input = issue.input as Readonly<Record<string, unknown>> | undefined
  const value = input?.[extra.discriminator]
  if (value === undefined) return `missing required field \`${extra.discriminator}\``

  return unknownWordMessage('value', value, extra.options.map(String))
}

// Optimal string alignment distance: Levenshtein plus adjacent swaps, the
// commonest typing slip ("Decrpyt").
