import { Box, Text } from 'ink'
import type { StepResult } from '../../content/step-result'
import type { Phase } from '../state/app-state'

type Props = {
  /** The step whose outcome is hidden. */
  readonly result: StepResult
  /** Which question is open. */
  readonly phase: Exclude<Phase, { readonly kind: 'idle' }>
}

export function PredictionPrompt({ result, phase }: Props) {
  const question = result.step.predict?.question ?? 'Will KMS allow this request?'

  if (phase.kind === 'statement') {
    return (
      <Text color="cyan" wrap="wrap">
        You said {phase.verdict === 'allowed' ? 'Allow' : 'Deny'}. Which key policy statement
        decides? Pick it below with ↑↓ and enter, or s to skip.
      </Text>
    )
  }

  return (
    <Box flexDirection="column">
      <Text bold color="cyan" wrap="wrap">
        ? {question}
      </Text>
      <Text>
        {'  '}
        <Text bold color="green">
          a
        </Text>{' '}
        Allow{'   '}
        <Text bold color="red">
          d
        </Text>{' '}
        Deny{'   '}
        <Text dimColor>→ skip the guess</Text>
      </Text>
    </Box>
  )
}
