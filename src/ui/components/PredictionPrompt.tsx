import { Box, Text } from 'ink'
import type { StepResult } from '../../content/step-result'
import type { Phase } from '../state/app-state'
import { Prose } from './Prose'

type Props = {
  /** The step whose outcome is hidden. */
  readonly result: StepResult
  /** Which question is open. */
  readonly phase: Exclude<Phase, { readonly kind: 'idle' }>
}

export function PredictionPrompt({ result, phase }: Props) {
  const question = result.step.predict?.question ?? 'Will KMS allow this request?'

  if (phase.kind === 'statement') {
    const said = phase.verdict === 'allowed' ? 'Allow' : 'Deny'
    const ask = 'Which statement or grant decides? Pick it below with ↑↓ and enter, or s to skip.'

    return <Prose color="cyan" text={`You said ${said}. ${ask}`} />
  }

  return (
    <Box flexDirection="column">
      <Prose bold color="cyan" text={`? ${question}`} />
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
