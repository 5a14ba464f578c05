import { AppError } from '../core/errors/app-error.ts';

/** The JSON of an `--input` flag (`{}` when absent); text that is not JSON is bad usage with an example. */
export function parseInputFlag(text: string | boolean | undefined, example = '{"period":"this_month","platforms":["amazon"]}'): unknown {
  if (text === undefined || text === true) return {};
  try {
    return JSON.parse(String(text));
  } catch {
    throw new AppError('BAD_INPUT', `--input is not valid JSON: ${String(text)}. Example: --input '${example}'`);
  }
}
