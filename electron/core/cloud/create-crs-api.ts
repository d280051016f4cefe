/** Picks the client for a profile's API generation; API 3.0 is the default. */
import type { ApiGeneration } from '../../../shared/domain';
import { Api3CrsClient } from './api3/api3-client';
import type { CrsApi, CrsClientOptions } from './crs-api';
import { LegacyCrsClient } from './legacy/legacy-client';

export function createCrsApi(generation: ApiGeneration, options: CrsClientOptions): CrsApi {
  return generation === 'legacy-v2' ? new LegacyCrsClient(options) : new Api3CrsClient(options);
}
