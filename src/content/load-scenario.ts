import { deepFreeze } from '../shared/deep-freeze'
import { readFileSync } from 'node:fs'
import { LineCounter, parseDocument, type YAMLError } from 'yaml'
import { sortIssues, type ContentIssue } from './content-issue'
import { createPolicyFileReader, type ReadTextFile } from './load-policy-file'
import { checkScenarioRefs } from './scenario-checks'
import { fromZodIssues, placeIssue } from './scenario-issues'
import { describeError, scenarioErrorMap } from './scenario-messages'
import { scenarioSchema, type Scenario } from './scenario-schema'
import { createSourceLocator, type SourceLocator } from './scenario-source-map'

export type { ReadTextFile } from './load-policy-file'

/** A loaded scenario, or every problem found in it. */
export type ScenarioLoadResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly ContentIssue[] }

/**
 * Parses, validates and cross-checks scenario YAML, reading the policy files
 * it names relative to `file`. Reports all problems at once, each with file,
 * line, column and JSON pointer. Never throws for bad content.
 */
export function loadScenarioText(
  text: string,
  file: string,
  readFile: ReadTextFile = readUtf8,
): ScenarioLoadResult {
  const yaml = parseYaml(text, file)
  if (!yaml.ok) return yaml

  const schema = scenarioSchema(createPolicyFileReader(file, readFile))
  const parsed = schema.safeParse(yaml.data, { error: scenarioErrorMap, reportInput: true })
  const issues = [
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, file, yaml.locate)),
    ...checkScenarioRefs(yaml.data).map((issue) => placeIssue(issue, file, yaml.locate)),
  ]

  if (!parsed.success || issues.length > 0) {
    return { ok: false, issues: sortIssues(issues, file) }
  }

  return { ok: true, scenario: deepFreeze(parsed.data) }
}

/** Reads a scenario file and loads it as `loadScenarioText` does. Never throws for bad content. */
export function loadScenarioFile(
  path: string,
  readFile: ReadTextFile = readUtf8,
): ScenarioLoadResult {
  let text: string
  try {
    text = readFile(path)
  } catch (error) {
    const message = `Failed to read scenario file: ${describeError(error)}`
    return { ok: false, issues: [{ file: path, pointer: '', code: 'file-not-found', message }] }
  }

  return loadScenarioText(text, path, readFile)
}

type ParsedYaml =
  | { readonly ok: true; readonly data: unknown; readonly locate: SourceLocator }
  | { readonly ok: false; readonly issues: readonly ContentIssue[] }

function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines, merge: true, prettyErrors: false })
  // The structure of a file with syntax errors is a guess: report those alone.
  if (document.errors.length > 0) {
    return { ok: false, issues: document.errors.map((error) => syntaxIssue(error, file, lines)) }
  }

  try {
    return { ok: true, data: document.toJS(), locate: createSourceLocator(document, lines) }
  } catch (error) {
    // Only an alias-expansion bomb makes toJS throw.
    const message = `invalid YAML: ${describeError(error)}`
    return { ok: false, issues: [{ file, pointer: '', code: 'yaml-syntax', message }] }
  }
}

function syntaxIssue(error: YAMLError, file: string, lines: LineCounter): ContentIssue {
  const { line, col } = lines.linePos(error.pos[0])
  const message = `invalid YAML: ${error.message}`

  return { file, line, column: col, pointer: '', code: 'yaml-syntax', message }
}

function readUtf8(path: string): string {
  return readFileSync(path, 'utf8')
}
