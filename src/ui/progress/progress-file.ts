import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { emptyProgress, type Progress } from './progress'

/** Progress as read at launch, with one line to show when something was wrong. */
export type LoadedProgress = { readonly progress: Progress; readonly notice?: string }

/**
 * Where progress lives: `$KMS_SANDBOX_HOME/progress.json` when set, else
 * `$XDG_CONFIG_HOME/kms-sandbox/progress.json`, else `~/.config/kms-sandbox/progress.json`
 * (macOS included).
 */
export function progressPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const own = env['KMS_SANDBOX_HOME']
  if (own) return join(own, 'progress.json')

  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env['XDG_CONFIG_HOME']
  const config = xdg && isAbsolute(xdg) ? xdg : join(home, '.config')

  return join(config, 'kms-sandbox', 'progress.json')
}

/**
 * Reads saved progress. Never throws: a missing file is a fresh start, and a
 * damaged one is renamed to `progress.json.damaged-<n>` and reported in one line.
 */
export function loadProgress(path: string): LoadedProgress {
  if (!existsSync(path)) return { progress: emptyProgress }

  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return {
      progress: emptyProgress,
      notice: `Failed to read progress from ${path}: ${reason(error)}`,
    }
  }

  const progress = toProgress(parseJson(text))
  if (progress) return { progress }

  return { progress: emptyProgress, notice: setAside(path) }
}

/** Writes progress atomically (a temporary file in the same folder, then a rename). */
export function saveProgress(path: string, progress: Progress): { readonly error?: string } {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)

  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(temporary, `${JSON.stringify(progress, null, 2)}\n`)
    renameSync(temporary, path)

    return {}
  } catch (error) {
    removeQuietly(temporary)

    return { error: `Failed to save progress to ${path}: ${reason(error)}` }
  }
}

// Checked by hand rather than with zod, which would slow the first frame.
function toProgress(value: unknown): Progress | undefined {
  if (!isRecord(value) || value['version'] !== 1 || typeof value['predictMode'] !== 'boolean')
    return undefined

  const { lastScenario, scenarios } = value
  if (lastScenario !== undefined && typeof lastScenario !== 'string') return undefined
  if (!isRecord(scenarios) || !Object.values(scenarios).every(isScenarioProgress)) return undefined

  return value as Progress
}

function isScenarioProgress(value: unknown): boolean {
  const count = (field: unknown) => Number.isInteger(field) && (field as number) >= 0

  return (
    isRecord(value) &&
    typeof value['completed'] === 'boolean' &&
    count(value['step']) &&
    count(value['points']) &&
    count(value['possible']) &&
    (value['run'] === undefined ||
      (isRecord(value['run']) && count(value['run']['points']) && count(value['run']['possible'])))
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // Nothing to clean up when the folder itself could not be used.
  }
}

function setAside(path: string): string {
  let n = 1
  while (existsSync(`${path}.damaged-${n}`)) n++
  const aside = `${path}.damaged-${n}`

  try {
    renameSync(path, aside)

    return `Progress file was damaged; set aside as ${basename(aside)}, starting afresh.`
  } catch (error) {
    return `Progress file is damaged and could not be set aside (${reason(error)}); starting afresh.`
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code

  return code ?? (error instanceof Error ? error.message : String(error))
}
