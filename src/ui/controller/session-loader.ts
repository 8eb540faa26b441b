import type { ScenarioSession } from '../../content/scenario-session'
import type { Scenario } from '../../content/scenario-schema'

/**
 * Starts sessions through a dynamic import, so the keystore and the scenario
 * runner load when the first scenario opens, not before the first frame.
 */
export const ScenarioSessionLoader = {
  async start(scenario: Scenario): Promise<ScenarioSession> {
    const { ScenarioSession } = await import('../../content/scenario-session')

    return ScenarioSession.start(scenario)
  },
}
