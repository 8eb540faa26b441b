import type { IamCallResult } from './iam/apply-iam-call'
import { iamHandlers, type IamInput, type IamOperation, type IamOutput } from './iam/iam-operations'

/** The IAM client's methods, camelCase as in the AWS SDK's IAM class. */
export type IamClientMethods = {
  readonly [Op in IamOperation as Uncapitalize<Op>]: (
    ...input: undefined extends IamInput<Op> ? [input?: IamInput<Op>] : [input: IamInput<Op>]
  ) => Promise<IamOutput<Op>>
}

/** An IAM client for one account, shaped like the AWS SDK v3 `IAM` class. */
export interface SandboxIamClient extends IamClientMethods {
  readonly account: string
}

/** Runs one IAM call against the sandbox, recording it; supplied by the sandbox shell. */
export type RunIamCall = <Op extends IamOperation>(operation: Op, input: IamInput<Op>) => IamCallResult<Op>

/** Builds an IAM client whose every method runs through `run`. */
export function createIamClient(run: RunIamCall, account: string): SandboxIamClient {
  const operations = Object.keys(iamHandlers) as IamOperation[]
  const methods = Object.fromEntries(
    operations.map((operation) => [
      operation.charAt(0).toLowerCase() + operation.slice(1),
      (input?: unknown) => {
        const result = run(operation, input as IamInput<typeof operation>)

        return result.ok ? Promise.resolve(result.response) : Promise.reject(result.error)
      },
    ]),
  ) as unknown as IamClientMethods

  return { ...methods, account }
}
