/** What kind of content problem an issue reports. */
export type ContentIssueCode =
  | 'yaml-syntax'
  | 'json-syntax'
  | 'schema'
  | 'orphaned'
  | 'lesson-mismatch'
  | 'unknown-ref'
  | 'duplicate-id'
  | 'file-not-found'
  | 'bad-policy-json'

/** One problem in a content file, located well enough to jump to it. */
export type ContentIssue = {
  /** The file the problem is in, as the caller named it (usually relative to the repo root). */
  readonly file: string
  /** 1-based line of the offending node; absent when the file has no such node. */
  readonly line?: number
  /** 1-based column of the offending node. */
  readonly column?: number
  /** JSON pointer into `file`, e.g. `/steps/3/do/args/KeyId`; empty for the whole file. */
  readonly pointer: string
  readonly code: ContentIssueCode
  /** What failed and what to do about it. */
  readonly message: string
}

/**
 * Renders an issue as one line a trainer can act on, e.g.
 * `scenarios/foo.yaml:12:7 /steps/3/as: unknown principal "user/bob": …`.
 */
export function formatIssue(issue: ContentIssue): string {
  const place =
    issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`
  const where = issue.pointer === '' ? place : `${place} ${issue.pointer}`

  return `${where}: ${issue.message}`
}

/** Builds a JSON pointer (RFC 6901) from a path of keys and indexes. */
export function toPointer(path: readonly (string | number)[]): string {
  return path
    .map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('')
}

/** An issue not yet placed in a file: a path into the parsed data instead of a pointer. */
export type PathIssue = {
  readonly path: readonly (string | number)[]
  readonly code: ContentIssueCode
  readonly message: string
  /** Point at the mapping key rather than its value, as for an unknown field. */
  readonly target?: 'key' | 'value'
}

/**
 * Issues in reading order: those in `first` (the file the reader opened)
 * before those in the files it led to, each file's by line and column.
 */
export function sortIssues(issues: readonly ContentIssue[], first: string): readonly ContentIssue[] {
  const rank = (issue: ContentIssue) => (issue.file === first ? '' : issue.file)

  return [...issues].sort(
    (a, b) =>
      rank(a).localeCompare(rank(b)) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  )
}
