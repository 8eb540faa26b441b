import { SetupError, runScenario } from '../content/run-scenario'
import { exitCodes, paintFor } from './io'
import { loadScenarioByName } from './load-shipped'
import { formatTranscript } from './transcript'
import { formatJsonLines, formatMarkdown } from './transcript-formats'

type ReplayOptions = { readonly json?: boolean; readonly markdown?: boolean }

/**
 * `kms-sandbox replay SCENARIO`: runs a scenario without the terminal UI and
 * prints its transcript. Exit 0 when every expectation holds, 1 when one does
 * not, 2 when the file is bad or its setup cannot be built.
 */
export async function runReplayCommand(name: string, options: ReplayOptions): Promise<number> {
  const loaded = loadScenarioByName(name)
  if (!loaded.ok) {
    for (const line of loaded.lines) process.stderr.write(`${line}\n`)

    return exitCodes.badInput
  }

  try {
    const run = await runScenario(loaded.scenario)
    const text = options.json
      ? formatJsonLines(run)
      : options.markdown
        ? formatMarkdown(run)
        : formatTranscript(run, paintFor(process.stdout))
    process.stdout.write(text)

    return run.passed ? exitCodes.ok : exitCodes.mismatch
  } catch (thrown) {
    if (!(thrown instanceof SetupError)) throw thrown

    process.stderr.write(`${name} ${thrown.pointer}: ${thrown.message}\n`)

    return exitCodes.badInput
  }
}
