/**
 * Prisma names no engine of its own: its schema does. A Prisma boundary in a package whose schema
 * names one provider becomes that engine ("PostgreSQL via Prisma"), so its doubles and its real
 * uses count with the other clients of the same database.
 */
import type { ResolvedBoundary } from '../model/boundary.js';
import type { PackageContext } from '../model/context.js';
import type { DatabaseEngine } from '../model/test-model.js';
import { ENGINE_SYSTEMS } from './exercise.js';

const PRISMA_CLIENT = '@prisma/client';

/** The engine of the package's Prisma schema, when there is exactly one. */
export function prismaEngineOf(pkg: PackageContext): DatabaseEngine | null {
  const engines = new Set(pkg.productionEngines.filter((e) => e.source === 'prisma').map((e) => e.engine));
  return engines.size === 1 ? [...engines][0]! : null;
}

/** The boundary with the schema's engine when it is Prisma's and the engine is known; else as it was. */
export function withPrismaEngine<T extends ResolvedBoundary>(boundary: T, engine: DatabaseEngine | null): T {
  if (engine === null || boundary.catalogMatch !== PRISMA_CLIENT || boundary.engine) return boundary;
  const name = ENGINE_SYSTEMS[engine];
  return name ? { ...boundary, engine, system: `${name} via Prisma` } : boundary;
}
