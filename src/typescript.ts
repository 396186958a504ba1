/**
 * The TypeScript compiler API, as ts-morph bundles it, in a form that is cheap to call.
 *
 * The bundle exposes every member through a getter, so each `ts.isIdentifier(...)` or
 * `ts.SyntaxKind.X` on the hot path pays a function call V8 will not inline; copying the members
 * once into plain properties makes those reads ordinary property loads. Loading through
 * `require` skips the ESM loader's export scan of the CommonJS bundle, and the code cache skips
 * compiling it: both are start-up time paid on every run. We only ever use the compiler API,
 * never ts-morph's Project wrappers.
 */
import type { ts as Compiler } from 'ts-morph';
import { requireWithCodeCache } from './compile-cache.js';

const bundled = (requireWithCodeCache('ts-morph', import.meta.url) as typeof import('ts-morph')).ts;

export const ts: typeof Compiler = { ...bundled };

// The types the project names through `ts.`: a namespace of aliases merges with the value above.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace ts {
  type ArrowFunction = Compiler.ArrowFunction;
  type BinaryExpression = Compiler.BinaryExpression;
  type BindingName = Compiler.BindingName;
  type CallExpression = Compiler.CallExpression;
  type CatchClause = Compiler.CatchClause;
  type ClassDeclaration = Compiler.ClassDeclaration;
  type CommentKind = Compiler.CommentKind;
  type DeleteExpression = Compiler.DeleteExpression;
  type Diagnostic = Compiler.Diagnostic;
  type DiagnosticWithLocation = Compiler.DiagnosticWithLocation;
  type ElementAccessExpression = Compiler.ElementAccessExpression;
  type EntityName = Compiler.EntityName;
  type Expression = Compiler.Expression;
  type FunctionDeclaration = Compiler.FunctionDeclaration;
  type FunctionExpression = Compiler.FunctionExpression;
  type Identifier = Compiler.Identifier;
  type ImportDeclaration = Compiler.ImportDeclaration;
  type ImportEqualsDeclaration = Compiler.ImportEqualsDeclaration;
  type NewExpression = Compiler.NewExpression;
  type Node = Compiler.Node;
  type NodeArray<T extends Compiler.Node> = Compiler.NodeArray<T>;
  type ObjectLiteralExpression = Compiler.ObjectLiteralExpression;
  type PropertyAccessExpression = Compiler.PropertyAccessExpression;
  type PropertyAssignment = Compiler.PropertyAssignment;
  type PropertyName = Compiler.PropertyName;
  type ReturnStatement = Compiler.ReturnStatement;
  type ScriptKind = Compiler.ScriptKind;
  type SignatureDeclarationBase = Compiler.SignatureDeclarationBase;
  type SourceFile = Compiler.SourceFile;
  type Statement = Compiler.Statement;
  type StringLiteral = Compiler.StringLiteral;
  type StringLiteralLike = Compiler.StringLiteralLike;
  type SyntaxKind = Compiler.SyntaxKind;
  type TaggedTemplateExpression = Compiler.TaggedTemplateExpression;
  type TypeNode = Compiler.TypeNode;
  type VariableDeclaration = Compiler.VariableDeclaration;
}
