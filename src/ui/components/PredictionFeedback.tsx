import { Box, Text } from 'ink'
import type { StepResult } from '../../content/step-result'
import type { Scored } from '../state/app-state'
import { optionLabel, type StatementOption } from '../state/prediction'
import { Prose } from './Prose'

type Props = {
  /** The step the prediction was about. */
  readonly result: StepResult
  /** How the prediction was scored. */
  readonly scored: Scored
  /** The choices the learner had, to name the one picked. */
  readonly options: readonly StatementOption[]
}

export function PredictionFeedback({ result, scored, options }: Props) {
  const explanation = result.step.predict?.explanation?.trim()
  const picked = options.find((option) => option.ref === scored.statement)

  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Text bold>Your prediction: </Text>
        {scored.verdict === 'allowed' ? 'Allow' : 'Deny'} <Mark right={scored.verdictRight} />
        {scored.statementRight !== undefined && (
          <Text>
            {' · '}
            {picked ? optionLabel(picked) : 'none of them'} <Mark right={scored.statementRight} />
          </Text>
        )}
        <Text bold color={scored.points > 0 ? 'green' : undefined}>
          {' '}
          +{scored.points}
        </Text>
      </Text>
      {explanation && <Prose color="cyan" text={explanation} />}
    </Box>
  )
}

function Mark({ right }: { readonly right: boolean }) {
  return right ? <Text color="green">✓</Text> : <Text color="red">✗</Text>
}
