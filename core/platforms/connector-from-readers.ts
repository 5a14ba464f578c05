import { AppError } from '../errors/app-error.ts';
import type { FetchPageInput, PlatformConnector, PlatformSpec, Resource, SyncPage } from './spec.ts';

export type PageReader = (input: FetchPageInput) => Promise<SyncPage>;

/**
 * A connector from one page reader per resource the platform has. Asking for a resource it has
 * no list for is a clear error (the sync only asks for `spec.resources`, so this is a bug guard
 * and a message for whoever calls a connector by hand).
 */
export function connectorFromReaders(spec: PlatformSpec, platformName: string, readers: Partial<Record<Resource, PageReader>>, note = ''): PlatformConnector {
  return {
    spec,
    fetchPage(input) {
      const read = readers[input.resource];
      if (!read) {
        return Promise.reject(
          new AppError('BAD_INPUT', `${platformName} stores sync ${spec.resources.join(', ')}${note}; "${input.resource}" is not a ${platformName} list.`),
        );
      }
      return read(input);
    },
  };
}
