import type { z } from 'zod'
import {
  toPointer,
  type ContentIssue,
  type ContentIssueCode,
  type PathIssue,
} from './content-issue'
import { suggest } from './scenario-messages'
import type { PathSegment, SourceLocator } from './scenario-source-map'

/** Places a path-addressed issue in the scenario file, with its line and column. */
export function placeIssue(issue: PathIssue, file: string, locate: SourceLocator): ContentIssue {
  const { line, column } = locate(issue.path, issue.target)
  const { code, message } = issue

  return { file, line, column, pointer: toPointer(issue.path), code, message }
}

/**
 * Turns zod's issues into content issues: one per unknown field, none for a
 * missing field whose misspelling is already reported, and policy-file
 * problems placed in the policy file when they are inside it. Expects issues
 * parsed with `reportInput`, which is how a missing field is told apart.
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locate: SourceLocator,
): readonly ContentIssue[] {
  const unknownFields = issues.flatMap(unknownFieldIssues)
  const known = issues.filter(
    (issue) => issue.code !== 'unrecognized_keys' && !isMisspeltField(issue, unknownFields),
  )

  return [
    ...known.map((issue) => fromZodIssue(issue, file, locate)),
    ...unknownFields.map((issue) => placeIssue(issue, file, locate)),
  ]
}

function fromZodIssue(issue: z.core.$ZodIssue, file: string, locate: SourceLocator): ContentIssue {
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol')
  // Policy-file problems arrive as custom issues that carry their own code.
  const params = issue.code === 'custom' ? (issue.params as PolicyFileParams) : undefined
  const placed = placeIssue(
    { path, code: params?.contentCode ?? 'schema', message: issue.message },
    file,
    locate,
  )
  if (params?.at === undefined) return placed

  // The problem is inside the policy file: point there, and say who named it.
  return {
    ...params.at,
    pointer: '',
    code: placed.code,
    message: `${issue.message} (named at ${file}:${placed.line} ${placed.pointer})`,
  }
}

type PolicyFileParams = {
  readonly contentCode?: ContentIssueCode
  readonly at?: { readonly file: string; readonly line: number; readonly column: number }
}

// `strict` joins one message line per unknown field, in the order of `keys`.
function unknownFieldIssues(issue: z.core.$ZodIssue): readonly PathIssue[] {
  if (issue.code !== 'unrecognized_keys') return []

  const lines = issue.message.split('\n')
  const parent = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol')

  return issue.keys.map((key, i) => ({
    path: [...parent, key],
    code: 'schema',
    message: lines[i] ?? issue.message,
    target: 'key',
  }))
}

// With `expcet:` written, "missing `expect`" would only repeat the did-you-mean.
function isMisspeltField(issue: z.core.$ZodIssue, unknownFields: readonly PathIssue[]): boolean {
  const field = issue.path.at(-1)
  const missing = issue.code !== 'custom' && issue.input === undefined
  if (!missing || typeof field !== 'string') return false

  const parent = toPointer(issue.path.slice(0, -1).map(String))

  return unknownFields.some(
    (unknown) =>
      toPointer(unknown.path.slice(0, -1)) === parent &&
      suggest(String(unknown.path.at(-1)), [field]) === field,
  )
}
