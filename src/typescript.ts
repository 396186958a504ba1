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
import { createRequire } from 'node:module';
import { requireWithCodeCache } from './compile-cache.js';

const bundled = loadCompiler();

/**
 * The compiler file ts-morph bundles, loaded on its own: ts-morph's wrappers (and the ~4 MB of
 * JavaScript they bring) are never used, and loading them was a third of a one-file audit.
 * Resolved from ts-morph's folder, so it is the copy ts-morph itself uses; should a ts-morph
 * release move it, the whole package is loaded as before.
 */
function loadCompiler(): typeof Compiler {
  try {
    return requireWithCodeCache('@ts-morph/common/dist/typescript.js', createRequire(import.meta.url).resolve('ts-morph')) as typeof Compiler;
  } catch {
    return (requireWithCodeCache('ts-morph', import.meta.url) as typeof import('ts-morph')).ts;
  }
}

/** Only the members the project uses, so the object keeps fast properties (the namespace has thousands). */
export const ts = {
  createScanner: bundled.createScanner,
  createSourceFile: bundled.createSourceFile,
  flattenDiagnosticMessageText: bundled.flattenDiagnosticMessageText,
  forEachChild: bundled.forEachChild,
  getLeadingCommentRanges: bundled.getLeadingCommentRanges,
  getLineAndCharacterOfPosition: bundled.getLineAndCharacterOfPosition,
  getTrailingCommentRanges: bundled.getTrailingCommentRanges,
  isArrayLiteralExpression: bundled.isArrayLiteralExpression,
  isArrowFunction: bundled.isArrowFunction,
  isAsExpression: bundled.isAsExpression,
  isAwaitExpression: bundled.isAwaitExpression,
  isBigIntLiteral: bundled.isBigIntLiteral,
  isBinaryExpression: bundled.isBinaryExpression,
  isBindingElement: bundled.isBindingElement,
  isBlock: bundled.isBlock,
  isBreakOrContinueStatement: bundled.isBreakOrContinueStatement,
  isCallExpression: bundled.isCallExpression,
  isCatchClause: bundled.isCatchClause,
  isClassDeclaration: bundled.isClassDeclaration,
  isClassExpression: bundled.isClassExpression,
  isComputedPropertyName: bundled.isComputedPropertyName,
  isConditionalExpression: bundled.isConditionalExpression,
  isConstructorDeclaration: bundled.isConstructorDeclaration,
  isDeleteExpression: bundled.isDeleteExpression,
  isElementAccessExpression: bundled.isElementAccessExpression,
  isEnumMember: bundled.isEnumMember,
  isExportAssignment: bundled.isExportAssignment,
  isExportDeclaration: bundled.isExportDeclaration,
  isExportSpecifier: bundled.isExportSpecifier,
  isExpression: bundled.isExpression,
  isExpressionStatement: bundled.isExpressionStatement,
  isExpressionWithTypeArguments: bundled.isExpressionWithTypeArguments,
  isExternalModuleReference: bundled.isExternalModuleReference,
  isFunctionDeclaration: bundled.isFunctionDeclaration,
  isFunctionExpression: bundled.isFunctionExpression,
  isGetAccessorDeclaration: bundled.isGetAccessorDeclaration,
  isIdentifier: bundled.isIdentifier,
  isIfStatement: bundled.isIfStatement,
  isImportClause: bundled.isImportClause,
  isImportDeclaration: bundled.isImportDeclaration,
  isImportEqualsDeclaration: bundled.isImportEqualsDeclaration,
  isImportSpecifier: bundled.isImportSpecifier,
  isImportTypeNode: bundled.isImportTypeNode,
  isJsxAttribute: bundled.isJsxAttribute,
  isJsxExpression: bundled.isJsxExpression,
  isJsxSpreadAttribute: bundled.isJsxSpreadAttribute,
  isLabeledStatement: bundled.isLabeledStatement,
  isMethodDeclaration: bundled.isMethodDeclaration,
  isMethodSignature: bundled.isMethodSignature,
  isNamedExports: bundled.isNamedExports,
  isNamedImports: bundled.isNamedImports,
  isNamespaceImport: bundled.isNamespaceImport,
  isNewExpression: bundled.isNewExpression,
  isNonNullExpression: bundled.isNonNullExpression,
  isNumericLiteral: bundled.isNumericLiteral,
  isObjectBindingPattern: bundled.isObjectBindingPattern,
  isObjectLiteralExpression: bundled.isObjectLiteralExpression,
  isOmittedExpression: bundled.isOmittedExpression,
  isParameter: bundled.isParameter,
  isParenthesizedExpression: bundled.isParenthesizedExpression,
  isPostfixUnaryExpression: bundled.isPostfixUnaryExpression,
  isPrefixUnaryExpression: bundled.isPrefixUnaryExpression,
  isPrivateIdentifier: bundled.isPrivateIdentifier,
  isPropertyAccessExpression: bundled.isPropertyAccessExpression,
  isPropertyAssignment: bundled.isPropertyAssignment,
  isPropertyDeclaration: bundled.isPropertyDeclaration,
  isPropertySignature: bundled.isPropertySignature,
  isQualifiedName: bundled.isQualifiedName,
  isRegularExpressionLiteral: bundled.isRegularExpressionLiteral,
  isReturnStatement: bundled.isReturnStatement,
  isSatisfiesExpression: bundled.isSatisfiesExpression,
  isSetAccessorDeclaration: bundled.isSetAccessorDeclaration,
  isShorthandPropertyAssignment: bundled.isShorthandPropertyAssignment,
  isSourceFile: bundled.isSourceFile,
  isSpreadAssignment: bundled.isSpreadAssignment,
  isSpreadElement: bundled.isSpreadElement,
  isStringLiteral: bundled.isStringLiteral,
  isStringLiteralLike: bundled.isStringLiteralLike,
  isSwitchStatement: bundled.isSwitchStatement,
  isTaggedTemplateExpression: bundled.isTaggedTemplateExpression,
  isTemplateExpression: bundled.isTemplateExpression,
  isTemplateSpan: bundled.isTemplateSpan,
  isThrowStatement: bundled.isThrowStatement,
  isTryStatement: bundled.isTryStatement,
  isTypeAssertionExpression: bundled.isTypeAssertionExpression,
  isTypeQueryNode: bundled.isTypeQueryNode,
  isTypeReferenceNode: bundled.isTypeReferenceNode,
  isUnionTypeNode: bundled.isUnionTypeNode,
  isVariableDeclaration: bundled.isVariableDeclaration,
  isVariableDeclarationList: bundled.isVariableDeclarationList,
  isVariableStatement: bundled.isVariableStatement,
  parseJsonText: bundled.parseJsonText,
  preProcessFile: bundled.preProcessFile,
  SyntaxKind: {
    ArrowFunction: bundled.SyntaxKind.ArrowFunction,
    AsteriskToken: bundled.SyntaxKind.AsteriskToken,
    BarBarToken: bundled.SyntaxKind.BarBarToken,
    BinaryExpression: bundled.SyntaxKind.BinaryExpression,
    Block: bundled.SyntaxKind.Block,
    BreakStatement: bundled.SyntaxKind.BreakStatement,
    CallExpression: bundled.SyntaxKind.CallExpression,
    CaseClause: bundled.SyntaxKind.CaseClause,
    CatchClause: bundled.SyntaxKind.CatchClause,
    ClassDeclaration: bundled.SyntaxKind.ClassDeclaration,
    Count: bundled.SyntaxKind.Count,
    DefaultClause: bundled.SyntaxKind.DefaultClause,
    DefaultKeyword: bundled.SyntaxKind.DefaultKeyword,
    DeleteExpression: bundled.SyntaxKind.DeleteExpression,
    DoStatement: bundled.SyntaxKind.DoStatement,
    ElementAccessExpression: bundled.SyntaxKind.ElementAccessExpression,
    EndOfFileToken: bundled.SyntaxKind.EndOfFileToken,
    EqualsEqualsEqualsToken: bundled.SyntaxKind.EqualsEqualsEqualsToken,
    EqualsEqualsToken: bundled.SyntaxKind.EqualsEqualsToken,
    EqualsToken: bundled.SyntaxKind.EqualsToken,
    ExclamationEqualsEqualsToken: bundled.SyntaxKind.ExclamationEqualsEqualsToken,
    ExclamationEqualsToken: bundled.SyntaxKind.ExclamationEqualsToken,
    ExclamationToken: bundled.SyntaxKind.ExclamationToken,
    ExportKeyword: bundled.SyntaxKind.ExportKeyword,
    ExtendsKeyword: bundled.SyntaxKind.ExtendsKeyword,
    FalseKeyword: bundled.SyntaxKind.FalseKeyword,
    FirstAssignment: bundled.SyntaxKind.FirstAssignment,
    FirstTypeNode: bundled.SyntaxKind.FirstTypeNode,
    ForInStatement: bundled.SyntaxKind.ForInStatement,
    ForOfStatement: bundled.SyntaxKind.ForOfStatement,
    ForStatement: bundled.SyntaxKind.ForStatement,
    FunctionDeclaration: bundled.SyntaxKind.FunctionDeclaration,
    FunctionExpression: bundled.SyntaxKind.FunctionExpression,
    GreaterThanEqualsToken: bundled.SyntaxKind.GreaterThanEqualsToken,
    GreaterThanToken: bundled.SyntaxKind.GreaterThanToken,
    Identifier: bundled.SyntaxKind.Identifier,
    ExportDeclaration: bundled.SyntaxKind.ExportDeclaration,
    ImportDeclaration: bundled.SyntaxKind.ImportDeclaration,
    ImportEqualsDeclaration: bundled.SyntaxKind.ImportEqualsDeclaration,
    ImportKeyword: bundled.SyntaxKind.ImportKeyword,
    InterfaceDeclaration: bundled.SyntaxKind.InterfaceDeclaration,
    JsxText: bundled.SyntaxKind.JsxText,
    LastAssignment: bundled.SyntaxKind.LastAssignment,
    LastTypeNode: bundled.SyntaxKind.LastTypeNode,
    LessThanEqualsToken: bundled.SyntaxKind.LessThanEqualsToken,
    LessThanToken: bundled.SyntaxKind.LessThanToken,
    MethodDeclaration: bundled.SyntaxKind.MethodDeclaration,
    MinusMinusToken: bundled.SyntaxKind.MinusMinusToken,
    MinusToken: bundled.SyntaxKind.MinusToken,
    ModuleBlock: bundled.SyntaxKind.ModuleBlock,
    MultiLineCommentTrivia: bundled.SyntaxKind.MultiLineCommentTrivia,
    NewExpression: bundled.SyntaxKind.NewExpression,
    NoSubstitutionTemplateLiteral: bundled.SyntaxKind.NoSubstitutionTemplateLiteral,
    NullKeyword: bundled.SyntaxKind.NullKeyword,
    ObjectLiteralExpression: bundled.SyntaxKind.ObjectLiteralExpression,
    PlusPlusToken: bundled.SyntaxKind.PlusPlusToken,
    PropertyAccessExpression: bundled.SyntaxKind.PropertyAccessExpression,
    PropertyAssignment: bundled.SyntaxKind.PropertyAssignment,
    QuestionQuestionToken: bundled.SyntaxKind.QuestionQuestionToken,
    RegularExpressionLiteral: bundled.SyntaxKind.RegularExpressionLiteral,
    ReturnStatement: bundled.SyntaxKind.ReturnStatement,
    SingleLineCommentTrivia: bundled.SyntaxKind.SingleLineCommentTrivia,
    SourceFile: bundled.SyntaxKind.SourceFile,
    StaticKeyword: bundled.SyntaxKind.StaticKeyword,
    StringLiteral: bundled.SyntaxKind.StringLiteral,
    TemplateHead: bundled.SyntaxKind.TemplateHead,
    TemplateMiddle: bundled.SyntaxKind.TemplateMiddle,
    TemplateTail: bundled.SyntaxKind.TemplateTail,
    ThisKeyword: bundled.SyntaxKind.ThisKeyword,
    TrueKeyword: bundled.SyntaxKind.TrueKeyword,
    TypeAliasDeclaration: bundled.SyntaxKind.TypeAliasDeclaration,
    VariableDeclaration: bundled.SyntaxKind.VariableDeclaration,
    WhileStatement: bundled.SyntaxKind.WhileStatement,
  } as const,
  ScriptKind: bundled.ScriptKind,
  ScriptTarget: bundled.ScriptTarget,
  NodeFlags: bundled.NodeFlags,
  DiagnosticCategory: bundled.DiagnosticCategory,
};

/**
 * How every file is parsed: the latest grammar, and JSDoc comments left as plain comments. No rule
 * reads JSDoc, and parsing it is up to a quarter of the parse of a well-documented module.
 */
export const PARSE_OPTIONS: Compiler.CreateSourceFileOptions = {
  languageVersion: bundled.ScriptTarget.Latest,
  // Absent before TypeScript 5.3: that compiler parses JSDoc, as it always did.
  jsDocParsingMode: bundled.JSDocParsingMode?.ParseNone,
};

// The types the project names through `ts.`: a namespace of aliases merges with the value above.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace ts {
  type ArrowFunction = Compiler.ArrowFunction;
  type BinaryExpression = Compiler.BinaryExpression;
  type BindingName = Compiler.BindingName;
  type CallExpression = Compiler.CallExpression;
  type CatchClause = Compiler.CatchClause;
  type ClassDeclaration = Compiler.ClassDeclaration;
  type ClassExpression = Compiler.ClassExpression;
  type ClassElement = Compiler.ClassElement;
  type ClassLikeDeclaration = Compiler.ClassLikeDeclaration;
  type CommentKind = Compiler.CommentKind;
  type DeleteExpression = Compiler.DeleteExpression;
  type Diagnostic = Compiler.Diagnostic;
  type DiagnosticWithLocation = Compiler.DiagnosticWithLocation;
  type ElementAccessExpression = Compiler.ElementAccessExpression;
  type EntityName = Compiler.EntityName;
  type Expression = Compiler.Expression;
  type ForInStatement = Compiler.ForInStatement;
  type ForOfStatement = Compiler.ForOfStatement;
  type ForStatement = Compiler.ForStatement;
  type FunctionDeclaration = Compiler.FunctionDeclaration;
  type FunctionExpression = Compiler.FunctionExpression;
  type FunctionLikeDeclaration = Compiler.FunctionLikeDeclaration;
  type Identifier = Compiler.Identifier;
  type ExportDeclaration = Compiler.ExportDeclaration;
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
