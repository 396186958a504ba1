/** What a mock site stands in for, resolved against the catalog and the project's own modules. */
import type { BoundaryKind } from '../catalog/types.js';
import type { DatabaseEngine } from './test-model.js';

export type { BoundaryKind } from '../catalog/types.js';

export interface ResolvedBoundary {
  kind: BoundaryKind;
  /** The real system: 'PostgreSQL', 'Stripe API', 'your module src/orders.ts'. */
  system: string;
  /** Concrete failures the double cannot show. */
  hides: string[];
  /** What an honest test uses instead. */
  alternative: string;
  /** True for systems outside the process (database, http, queue, cache, auth, cloud, email). */
  external: boolean;
  /** How the target leads to the boundary: ['src/orders.ts', 'src/db.ts', 'pg']. */
  via: string[];
  /** The catalog entry that named it, if any. */
  catalogMatch: string | null;
  /**
   * Low stakes in every tier: a module's own private function or value replaced (rewire), or an id
   * generator (uuid, nanoid) replaced for predictable ids; neither hides a boundary. Reported at the
   * benign severity.
   */
  lowStakes?: boolean;
  /** For databases whose engine is known: the engine (several drivers, one system). */
  engine?: DatabaseEngine;
}
