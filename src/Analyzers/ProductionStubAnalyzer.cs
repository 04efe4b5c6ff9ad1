using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY404: <c>throw new NotImplementedException()</c>, and money-like methods, local functions and properties whose whole
/// body is <c>return 0</c> next to a TODO, outside test projects.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProductionStubAnalyzer : DiagnosticAnalyzer
{
    private const string ThrowsNotImplemented = "it throws NotImplementedException, so its first call in production fails";
    private const string ReturnsZero = "it always returns 0 and carries a TODO, so every decision built on it is silently wrong";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.ProductionStub);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = WellKnownTypes.GetOrCreate(context.Compilation);
        if (TestProject.IsTestProject(context.Compilation, types, context.Options))
        {
            return; // stubs and fakes are what test projects are made of
        }

        var analysis = new Analysis(types, ReadinessOptions.Cache.For(context.Options));
        if (types.NotImplementedException is not null)
        {
            context.RegisterOperationAction(analysis.OnThrow, OperationKind.Throw);
        }

        context.RegisterSyntaxNodeAction(analysis.OnMethod, SyntaxKind.MethodDeclaration);
        context.RegisterSyntaxNodeAction(analysis.OnLocalFunction, SyntaxKind.LocalFunctionStatement);
        context.RegisterSyntaxNodeAction(analysis.OnProperty, SyntaxKind.PropertyDeclaration);
    }

    private sealed class Analysis(WellKnownTypes types, ReadinessOptions.Cache options)
    {
        [MethodImpl(JitOptions.Optimized)]
        public void OnThrow(OperationAnalysisContext context)
        {
            var throwOperation = (IThrowOperation)context.Operation;
            var thrown = throwOperation.Exception;
            while (thrown is IConversionOperation { IsImplicit: true } conversion)
            {
                thrown = conversion.Operand;
            }

            if (thrown is not IObjectCreationOperation creation
                || !WellKnownTypes.Is(creation.Type, types.NotImplementedException)
                || context.ContainingSymbol.ContainingType is { TypeKind: TypeKind.Interface }
                || IsAbstractByConvention(throwOperation, context.ContainingSymbol)
                || IsNeverCalledByItsFramework(context.ContainingSymbol))
            {
                return; // RULES.md exempts abstract and interface members
            }

            var location = throwOperation.Syntax switch
            {
                ThrowStatementSyntax { Expression: { } expression } statement
                    => Location.Create(statement.SyntaxTree, TextSpan.FromBounds(statement.ThrowKeyword.SpanStart, expression.Span.End)),
                _ => throwOperation.Syntax.GetLocation(),
            };
            context.ReportDiagnostic(Diagnostic.Create(Rules.ProductionStub, location, MemberName(context.ContainingSymbol), ThrowsNotImplemented));
        }

        // public virtual IEnumerable<Insight> Update(…) { throw new NotImplementedException("derived types
        // must implement Update"); }: a virtual member whose whole body is the throw is an abstract member
        // written the long way (often for a scripting bridge that cannot see abstract members).
        // An abstract class that overrides a member with only the throw re-abstracts it the same way:
        // abstract class IndexedData : BaseData { public override string GetSource() => throw …; }.
        private static bool IsAbstractByConvention(IThrowOperation throwOperation, ISymbol member)
        {
            if (member is not IMethodSymbol method
                || !(method.IsVirtual || method.AssociatedSymbol is { IsVirtual: true }
                     || ((method.IsOverride || method.AssociatedSymbol is { IsOverride: true })
                         && !method.IsSealed && method.AssociatedSymbol is not { IsSealed: true }
                         && method.ContainingType is { IsAbstract: true })))
            {
                return false;
            }

            var parent = throwOperation.Parent;
            if (parent is IExpressionStatementOperation)
            {
                parent = parent.Parent; // throw expressions in an arrow body sit in a return or an expression statement
            }
            else if (parent is IConversionOperation { Parent: IReturnOperation returned })
            {
                parent = returned.Parent;
            }
            else if (parent is IReturnOperation returned2)
            {
                parent = returned2.Parent;
            }

            return parent is IBlockOperation { Operations.Length: 1, Parent: null or IMethodBodyOperation };
        }

        // Members an interface or a base class forces on a type, which the framework that owns the
        // contract never calls, so the throw cannot run:
        // - IEnumerator.Reset: foreach, LINQ and the compiler's own iterators never call it;
        // - Json.NET's JsonConverter.WriteJson when the converter's CanWrite is a constant false,
        //   ReadJson when CanRead is, and CanConvert when both are (a converter applied by attribute).
        private bool IsNeverCalledByItsFramework(ISymbol member)
        {
            if (member is not IMethodSymbol { ContainingType: { } type } method)
            {
                return false;
            }

            if (method is { Name: "Reset" or "System.Collections.IEnumerator.Reset", Parameters.IsEmpty: true, ReturnsVoid: true })
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (implemented.SpecialType == SpecialType.System_Collections_IEnumerator)
                    {
                        return true;
                    }
                }

                return false;
            }

            if (!method.IsOverride || !WellKnownTypes.IsOrDerivesFrom(type.BaseType, types.JsonNetConverter))
            {
                return false;
            }

            return method.Name switch
            {
                "WriteJson" => IsConstantFalse(type, "CanWrite"),
                "ReadJson" => IsConstantFalse(type, "CanRead"),
                "CanConvert" => IsConstantFalse(type, "CanWrite") && IsConstantFalse(type, "CanRead"),
                _ => false,
            };
        }

        // public override bool CanWrite => false; or { get { return false; } } or { get => false; },
        // declared by the converter or by a base converter in source.
        private static bool IsConstantFalse(INamedTypeSymbol type, string propertyName)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var candidate in current.GetMembers(propertyName))
                {
                    if (candidate is not IPropertySymbol { IsOverride: true } property)
                    {
                        continue;
                    }

                    foreach (var reference in property.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax() is PropertyDeclarationSyntax syntax)
                        {
                            var getter = syntax.AccessorList is { Accessors.Count: 1 } accessors ? accessors.Accessors[0] : null;
                            var returned = syntax.ExpressionBody?.Expression
                                ?? (getter is null ? null : ReturnedExpression(getter.Body, getter.ExpressionBody));
                            return returned is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.FalseLiteralExpression);
                        }
                    }

                    return false; // overridden in metadata: its value is not known here
                }
            }

            return false;
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnMethod(SyntaxNodeAnalysisContext context)
        {
            var method = (MethodDeclarationSyntax)context.Node;
            var returned = ReturnedExpression(method.Body, method.ExpressionBody);
            if (returned is not null)
            {
                CheckZeroStub(context, method, method.Identifier, returned);
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnLocalFunction(SyntaxNodeAnalysisContext context)
        {
            var function = (LocalFunctionStatementSyntax)context.Node;
            var returned = ReturnedExpression(function.Body, function.ExpressionBody);
            if (returned is not null)
            {
                CheckZeroStub(context, function, function.Identifier, returned);
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnProperty(SyntaxNodeAnalysisContext context)
        {
            var property = (PropertyDeclarationSyntax)context.Node;
            var returned = property.ExpressionBody?.Expression;
            if (returned is null && property.AccessorList is { Accessors.Count: 1 } accessors
                && accessors.Accessors[0] is var getter && getter.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                returned = ReturnedExpression(getter.Body, getter.ExpressionBody);
            }

            if (returned is not null)
            {
                CheckZeroStub(context, property, property.Identifier, returned);
            }
        }

        // Cheapest first: the body's shape, then the name, then the comment, then the semantic model.
        private void CheckZeroStub(SyntaxNodeAnalysisContext context, SyntaxNode member, SyntaxToken identifier, ExpressionSyntax returned)
        {
            if (!LooksLikeZero(returned)
                || member.Parent is InterfaceDeclarationSyntax
                || !Names.IsMoneyLike(identifier.ValueText, options.Get(member.SyntaxTree).MoneyWords)
                || !HasTodo(member)
                || !IsNumericZero(returned, context.SemanticModel, context.CancellationToken))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rules.ProductionStub, identifier.GetLocation(), identifier.ValueText, ReturnsZero));
        }

        // { return x; } or => x, nothing else in the body.
        private static ExpressionSyntax? ReturnedExpression(BlockSyntax? body, ArrowExpressionClauseSyntax? expressionBody)
            => body is not null
                ? body.Statements.Count == 1 && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null
                : expressionBody?.Expression;

        private static bool LooksLikeZero(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    case LiteralExpressionSyntax literal:
                        return literal.IsKind(SyntaxKind.NumericLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression);
                    case DefaultExpressionSyntax:
                        return true;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Zero" }:
                        return true;
                    default:
                        return false;
                }
            }
        }

        private static bool IsNumericZero(ExpressionSyntax expression, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            var constant = model.GetConstantValue(expression, cancellationToken);
            if (!constant.HasValue)
            {
                return false;
            }

            return constant.Value switch
            {
                int i => i == 0,
                long l => l == 0,
                uint ui => ui == 0,
                ulong ul => ul == 0,
                short s => s == 0,
                ushort us => us == 0,
                byte b => b == 0,
                sbyte sb => sb == 0,
                decimal m => m == 0m,
                double d => d == 0d,
                float f => f == 0f,
                _ => false,
            };
        }

        // A TODO or FIXME comment anywhere in the member: above it, inside it, or after its last token.
        private static bool HasTodo(SyntaxNode member)
        {
            foreach (var trivia in member.DescendantTrivia())
            {
                switch (trivia.Kind())
                {
                    case SyntaxKind.SingleLineCommentTrivia:
                    case SyntaxKind.MultiLineCommentTrivia:
                    case SyntaxKind.SingleLineDocumentationCommentTrivia:
                    case SyntaxKind.MultiLineDocumentationCommentTrivia:
                        var text = trivia.ToFullString();
                        if (ContainsWord(text, "TODO") || ContainsWord(text, "FIXME"))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private static bool ContainsWord(string text, string word)
        {
            for (var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); index >= 0;
                 index = text.IndexOf(word, index + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = index + word.Length;
                if ((index == 0 || !char.IsLetter(text[index - 1])) && (end == text.Length || !char.IsLetter(text[end])))
                {
                    return true;
                }
            }

            return false;
        }

        private static string MemberName(ISymbol symbol) => symbol switch
        {
            IMethodSymbol { AssociatedSymbol: { } associated } => associated.Name,
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => constructor.ContainingType.Name,
            IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } => "top-level statements",
            _ => symbol.Name,
        };
    }
}
