import { formatJsonPath, readJson } from '../shared/json-source'
import { checkCaseSchema, type CheckCase } from './check-case-schema'

/** A problem with a check file: where it is and what is wrong. */
export type CheckFileProblem = {
  readonly file: string
  readonly line?: number
  readonly column?: number
  readonly path?: string
  readonly message: string
}

/**
 * Parses and validates the text of a policy check file. Every schema problem is
 * reported, each with its JSON path and, where it can be found, line and column.
 */
export function loadCheckCase(
  text: string,
  file: string,
): { readonly ok: true; readonly checkCase: CheckCase } | { readonly ok: false; readonly problems: readonly CheckFileProblem[] } {
  const source = readJson(text)
  if (!source.ok) {
    return { ok: false, problems: [{ file, ...source.position, message: source.message }] }
  }

  const parsed = checkCaseSchema.safeParse(source.value)
  if (parsed.success) return { ok: true, checkCase: parsed.data }

  const problems = parsed.error.issues.map((issue): CheckFileProblem => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol')
    const position = source.locate(path)

    return { file, ...position, path: formatJsonPath(path), message: issue.message }
  })

  return { ok: false, problems }
}

/** `file:line:column path: message`, the shape editors and terminals link. */
export function formatProblem(problem: CheckFileProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file

  return `${where}${problem.path ? ` ${problem.path}` : ''}: ${problem.message}`
}
