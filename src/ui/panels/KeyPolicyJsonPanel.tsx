import { Box, Text } from 'ink'
import type { SandboxState } from '../../keystore'
import { keyLabel } from '../format'

type Props = {
  /** The world whose key policies to show. */
  readonly state: SandboxState
  /** Key ARN → the ref the scenario uses. */
  readonly keyRefs: ReadonlyMap<string, string>
  /** The key the step is about, shown first; the others follow. */
  readonly focusKeyArn?: string
}

/**
 * Each key's policy document as KMS holds it now, pretty-printed: what
 * PutKeyPolicy stored, principals and all (a deleted user shows as its
 * unique ID).
 */
export function KeyPolicyJsonPanel({ state, keyRefs, focusKeyArn }: Props) {
  const keys = Object.values(state.keys).sort(
    (a, b) => Number(b.arn === focusKeyArn) - Number(a.arn === focusKeyArn),
  )
  if (keys.length === 0) return <Text dimColor>No keys exist yet.</Text>

  return (
    <Box flexDirection="column">
      {keys.map((key) => (
        <Box key={key.keyId} flexDirection="column" marginBottom={1}>
          <Text bold wrap="truncate-end">
            {keyLabel(key.arn, keyRefs)} · key policy
          </Text>
          <Text wrap="wrap">{prettyJson(key.policy.text)}</Text>
        </Box>
      ))}
    </Box>
  )
}

// The stored text as written when it is not JSON the panel can read.
function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
