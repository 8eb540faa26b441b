// `npm run bench`: every figure the issues ask for, measured in one run.
// Sections whose code has not landed yet are skipped with a note.
import { benchDecisions } from './decisions.mjs'

const decisions = benchDecisions()
console.log(`decisions per second (full explanation, mix of 10 requests): ${decisions.perSecond.toLocaleString('en')}`)
console.log(`  verdicts seen: ${JSON.stringify(decisions.verdicts)}`)

for (const name of ['keystore.mjs', 'replay.mjs', 'launch.mjs', 'npx.mjs']) {
  try {
    const section = await import(`./${name}`)
    await section.default()
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(name)) continue
    throw error
  }
}
