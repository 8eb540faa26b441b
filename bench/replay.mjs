// Time to replay every shipped scenario headlessly, in one process (target: under 2 s).
import { loadCourse, runScenario } from '../dist/index.js'

export default async function benchReplay() {
  const loaded = loadCourse(new URL('..', import.meta.url).pathname)
  if (!loaded.ok) throw new Error(`the shipped course does not load: ${loaded.issues.length} issues`)

  // One untimed pass loads the Encryption SDK and warms the code paths.
  for (const scenario of loaded.scenarios) await runScenario(scenario)

  const times = []
  for (let round = 0; round < 5; round++) {
    const start = performance.now()
    for (const scenario of loaded.scenarios) await runScenario(scenario)
    times.push(performance.now() - start)
  }

  const cold = await coldReplay(loaded.scenarios.length)
  times.sort((a, b) => a - b)
  console.log(`replay all ${loaded.scenarios.length} shipped scenarios: median ${times[2].toFixed(0)} ms warm (5 rounds), ${cold.toFixed(0)} ms in a fresh process`)
}

// A fresh Node process that loads everything and replays every scenario once.
async function coldReplay() {
  const { execFileSync } = await import('node:child_process')
  const script = `
    const start = performance.now()
    const { loadCourse, runScenario } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)})
    const loaded = loadCourse(${JSON.stringify(new URL('..', import.meta.url).pathname)})
    for (const scenario of loaded.scenarios) await runScenario(scenario)
    process.stdout.write(String(performance.now() - start))`

  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }))
}
