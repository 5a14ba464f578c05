import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';

const errno = (error: unknown) => (typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '');

/**
 * Checks that a report can be written to `out` before any work is done: not a folder, in a
 * folder that exists and may be written. Returns the absolute path. An existing file is replaced.
 */
export async function checkOutPath(out: string): Promise<string> {
  const file = path.resolve(out);
  const dir = path.dirname(file);
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) {
    throw new AppError('BAD_INPUT', `${out} is a folder. Give a file name inside it, e.g. ${path.join(out, 'report.xlsx')}.`);
  }
  const folder = await stat(dir).catch(() => null);
  if (!folder) throw new AppError('BAD_INPUT', `Cannot write ${out}: the folder ${dir} does not exist. Create it first or choose another file.`);
  if (!folder.isDirectory()) throw new AppError('BAD_INPUT', `Cannot write ${out}: ${dir} is a file, not a folder.`);
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new AppError('BAD_INPUT', `Cannot write ${out}: the folder ${dir} may not be written by this user. Choose another file.`);
  }
  return file;
}

/**
 * Has `write` fill a temporary file next to `out` and renames it into place at the end, so a
 * failure or Ctrl+C never leaves half a report where the finished one is expected. `out` is a
 * path `checkOutPath` accepted (the caller checks it before doing the work the file is for).
 */
export async function writeAtomically<T>(out: string, write: (tempFile: string) => Promise<T>): Promise<T> {
  const file = path.resolve(out);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const result = await write(temp);
    await rename(temp, file);
    return result;
  } catch (error) {
    await rm(temp, { force: true });
    if (['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR'].includes(errno(error))) {
      throw new AppError('BAD_INPUT', `Cannot write ${out} (${errno(error)}). Check the folder exists and may be written, or choose another file.`, {
        cause: error,
      });
    }
    throw error;
  }
}
