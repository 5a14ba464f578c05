import type { PlatformSpec } from '../spec.ts';

export const WALMART_SPEC: PlatformSpec = {
  platform: 'walmart',
  resources: ['orders', 'returns', 'cancellations'],
  cursorKinds: { orders: 'token', returns: 'token', cancellations: 'token' },
  // Walmart throttles per endpoint and seller; 5 a second with a burst of 10 stays inside the
  // published order and returns limits, and 429s are honoured on top.
  limits: { requestsPerSecond: 5, burst: 10 },
  writeActions: ['issue_refund', 'approve_cancellation'],
};
