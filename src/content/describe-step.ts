import type { ScenarioStep } from './scenario-schema'

/** A step's action in a few words: `Decrypt orders-key`, `DeleteUser alice`, `advance the clock 7 days`. */
export function describeAction(step: ScenarioStep): string {
  const action = step.do

  switch (action.kind) {
    case 'kms': {
      const target = action.args['KeyId'] ?? action.args['SourceKeyId'] ?? action.args['GrantId']
      const via = action.via ? ` via ${action.via}` : ''

      return `${action.kms}${typeof target === 'string' && !target.startsWith('$') ? ` ${target}` : ''}${via}`
    }

    case 'iam': {
      const name = action.args['UserName'] ?? action.args['RoleName']

      return `${action.iam}${typeof name === 'string' ? ` ${name}` : ''}`
    }

    case 'service': {
      const volume = action.args['VolumeId']

      return `${action.service} ${action.action}${typeof volume === 'string' ? ` ${volume}` : ''}`
    }

    case 'sdk':
      return action.sdk === 'encrypt'
        ? `Encryption SDK encrypt under ${action.args.keys.join(', ')}`
        : 'Encryption SDK decrypt'
    case 'clock': {
      const parts = (['days', 'hours', 'minutes'] as const)
        .filter((unit) => action.args[unit] !== undefined)
        .map((unit) => `${action.args[unit]} ${unit}`)

      return `advance the clock ${parts.join(' ')}`
    }
  }
}
