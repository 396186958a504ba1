/**
 * A double whose own replacement starts or opens the real system it stands for: a `jest.mock`
 * factory that wraps the real module around `MongoMemoryServer.create()`, a spy on `connectDB`
 * whose implementation connects to a Testcontainers database. The code then talks to a real engine
 * of that kind, so the double fakes nothing of it.
 */
import type { AnalyzedFile } from '../model/analysis.js';
import type { ResolvedBoundary } from '../model/boundary.js';
import type { MockSite } from '../model/test-model.js';

export function wiresRealStandIn(file: Pick<AnalyzedFile, 'realBoundaries'>, site: MockSite, boundary: ResolvedBoundary): boolean {
  const at = site.realInside;
  if (!at) return false;
  return file.realBoundaries.some((real) => real.line === at.line && !real.from && !real.blackBox && real.kind === boundary.kind);
}
