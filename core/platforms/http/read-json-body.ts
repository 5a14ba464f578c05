import { AppError } from '../../errors/app-error.ts';

/**
 * The JSON of a platform response, or PLATFORM_BAD_RESPONSE when it is an HTML page (a proxy,
 * a login or maintenance page), empty, or not JSON — a recorded error, never a crash.
 */
export async function readJsonBody(response: Response, label: string): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (text.trim() === '') {
    throw new AppError('PLATFORM_BAD_RESPONSE', `${label} answered with an empty body (HTTP ${response.status}). The next sync tries again.`);
  }
  if (/text\/html/i.test(type) || /^\s*</.test(text)) {
    throw new AppError('PLATFORM_BAD_RESPONSE', `${label} answered with a web page instead of data (HTTP ${response.status}). The next sync tries again.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('PLATFORM_BAD_RESPONSE', `${label} answered with data that is not valid JSON (HTTP ${response.status}). The next sync tries again.`);
  }
}
