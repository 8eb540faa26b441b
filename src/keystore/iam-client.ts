import { toMethods } from './client-methods'
import type { IamCallResult } from './iam/apply-iam-call'
import {
  iamOperations,
  type IamInput,
  type IamOperation,
  type IamOutput,
} from './iam/iam-operations'

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
export type RunIamCall = <Op extends IamOperation>(
  operation: Op,
  input: IamInput<Op>,
) => IamCallResult<Op>

/** Builds an IAM client whose every method runs through `run` before its promise settles. */
export function createIamClient(run: RunIamCall, account: string): SandboxIamClient {
  const methods = toMethods(iamOperations, (operation, input) =>
    run(operation, input as IamInput<typeof operation>),
  )

  return { ...(methods as unknown as IamClientMethods), account }
}
