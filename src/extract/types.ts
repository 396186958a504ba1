/** Names written in type positions: what a generic or an annotation says a value is. */
import { ts } from '../typescript.js';

/** Wrappers whose first type argument is the real type: `MockProxy<Repo>`, `jest.Mocked<Service>`. */
export const DOUBLE_TYPE_WRAPPERS = new Set([
  'MockProxy',
  'DeepMockProxy',
  'Mocked',
  'MockedObject',
  'DeepMocked',
  'MockedClass',
  'SinonStubbedInstance',
  'SpyObj',
  'Partial',
  'DeepPartial',
  'jest.Mocked',
  'vi.Mocked',
  'jasmine.SpyObj',
]);

/** The class or interface a type names: `Repo`, `MockProxy<Repo>` → Repo, `typeof prisma` → prisma. */
export function typeNodeName(node: ts.TypeNode): string | null {
  if (ts.isTypeReferenceNode(node)) {
    const name = entityName(node.typeName);
    if (DOUBLE_TYPE_WRAPPERS.has(name) && node.typeArguments?.[0]) return typeNodeName(node.typeArguments[0]);
    return name;
  }
  if (ts.isTypeQueryNode(node)) return entityName(node.exprName);
  if (ts.isImportTypeNode(node) && node.qualifier) return entityName(node.qualifier);
  if (ts.isUnionTypeNode(node)) {
    for (const member of node.types) {
      const name = typeNodeName(member);
      if (name && name !== 'undefined' && name !== 'null') return name;
    }
  }
  return null;
}

function entityName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;
}
