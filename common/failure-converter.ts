// Loaded by path (DataConverter.failureConverterPath) in the client, the worker and the workflow
// bundle, so it must stay workflow-safe. It moves failure messages and stack traces into an
// encoded payload, which the payload codec then encrypts: an SES error or a validation message
// can quote customer data.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
