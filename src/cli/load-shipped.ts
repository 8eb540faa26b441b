import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { formatIssue, type ContentIssue } from '../content/content-issue'
import { loadScenarioFile } from '../content/load-scenario'
import { packageRoot } from '../content/package-root'
import type { Scenario } from '../content/scenario-schema'
import { suggest } from '../shared/suggest'

/**
 * Loads a scenario named by a file path or by the id of a shipped scenario.
 * Problems come back as printable lines, every one of them.
 */
export function loadScenarioByName(name: string):
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly lines: readonly string[] } {
  const shipped = join(packageRoot(), 'scenarios', `${name}.yaml`)
  const path = existsSync(name) ? name : existsSync(shipped) ? shipped : undefined

  if (!path) {
    const known = shippedScenarioIds()
    const guess = suggest(name, known)
    const lines = [
      `No scenario file or shipped scenario named "${name}".${guess ? ` Did you mean ${guess}?` : ''}`,
      `Shipped scenarios: ${known.join(', ')}`,
    ]

    return { ok: false, lines }
  }

  const loaded = loadScenarioFile(path)

  return loaded.ok ? loaded : { ok: false, lines: loaded.issues.map((issue: ContentIssue) => formatIssue(issue)) }
}

/** The ids of the scenarios that ship, from their file names. */
export function shippedScenarioIds(): readonly string[] {
  const folder = join(packageRoot(), 'scenarios')
  if (!existsSync(folder)) return []

  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort()
}
