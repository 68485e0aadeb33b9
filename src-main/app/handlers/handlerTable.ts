/** The shape of a handler: a method's parsed input and the context in, its output out. */
import type { ApiOutput, ApiParsedInput } from '../../../src-shared/contract/contract';
import type { ApiMethodName } from '../../../src-shared/contract/names';
import type { ApiContext } from '../context';

export type Handlers = { [M in ApiMethodName]: (input: ApiParsedInput<M>, ctx: ApiContext) => ApiOutput<M> | Promise<ApiOutput<M>> };

/** Part of the table: one namespace's handlers, each typed by its method. */
export type HandlerTable = Partial<Handlers>;
