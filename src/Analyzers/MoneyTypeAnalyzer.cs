using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY501: fields, properties, parameters, locals and method results with money-like names typed
/// <c>double</c> or <c>float</c> (also inside <c>double?</c>, <c>double[]</c>, <c>Task&lt;double&gt;</c>,
/// <c>List&lt;double&gt;</c>). One diagnostic per declaration, at its name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MoneyTypeAnalyzer : DiagnosticAnalyzer
{
    // double inside double?[] inside List<...> inside Task<...>: deep enough for real signatures.
    private const int MaxTypeDepth = 4;
    private const int MaxTupleDepth = 16; // var (a, (b, c)) = …: nested deconstructions, bounded against pathological code

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.FloatingPointMoney);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var analysis = new Analysis(new MoneyNames(ReadinessOptions.Cache.For(context.Options)));
        context.RegisterSymbolAction(analysis.OnField, SymbolKind.Field);
        context.RegisterSymbolAction(analysis.OnProperty, SymbolKind.Property);
        context.RegisterSymbolAction(analysis.OnMethod, SymbolKind.Method);
        context.RegisterOperationAction(analysis.OnVariableDeclarator, OperationKind.VariableDeclarator);
        context.RegisterOperationAction(analysis.OnDeclarationExpression, OperationKind.DeclarationExpression);
        context.RegisterOperationAction(analysis.OnDeclarationPattern, OperationKind.DeclarationPattern);
        context.RegisterOperationAction(analysis.OnLocalFunction, OperationKind.LocalFunction);
    }

    /// <summary>True when <paramref name="type"/> is double or float, or holds one (nullable, array, type argument).</summary>
    [MethodImpl(JitOptions.Optimized)]
    internal static bool HoldsBinaryFloatingPoint(ITypeSymbol? type) => HoldsBinaryFloatingPoint(type, 0);

    /// <summary>
    /// The field a property only reads and writes (<c>get => _price; set => _price = value;</c>): the two
    /// are one declaration for RDY501, reported once at the property and changed together by the fix.
    /// </summary>
    internal static IFieldSymbol? BackingField(IPropertySymbol property)
    {
        if (property.DeclaringSyntaxReferences.Length != 1
            || property.DeclaringSyntaxReferences[0].GetSyntax() is not PropertyDeclarationSyntax syntax)
        {
            return null;
        }

        string? name;
        if (syntax.ExpressionBody is { } arrow)
        {
            name = FieldName(arrow.Expression);
        }
        else if (syntax.AccessorList is { } accessors)
        {
            name = null;
            foreach (var accessor in accessors.Accessors)
            {
                var accessed = accessor.Kind() switch
                {
                    SyntaxKind.GetAccessorDeclaration => FieldName(ReturnedExpression(accessor)),
                    SyntaxKind.SetAccessorDeclaration or SyntaxKind.InitAccessorDeclaration => AssignedFromValue(accessor),
                    _ => null,
                };
                if (accessed is null || (name is not null && name != accessed))
                {
                    return null;
                }

                name = accessed;
            }
        }
        else
        {
            return null;
        }

        if (name is null)
        {
            return null;
        }

        foreach (var member in property.ContainingType.GetMembers(name))
        {
            if (member is IFieldSymbol field && field.IsStatic == property.IsStatic
                && SymbolEqualityComparer.Default.Equals(field.Type, property.Type))
            {
                return field;
            }
        }

        return null;
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool HoldsBinaryFloatingPoint(ITypeSymbol? type, int depth)
    {
        if (type is null || depth > MaxTypeDepth || type.TypeKind == TypeKind.Delegate)
        {
            return false; // Func<double, double> onPrice is a callback's signature, not money held
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Double:
            case SpecialType.System_Single:
                return true;
            case SpecialType.System_String:
            case SpecialType.System_Object:
            case SpecialType.System_Decimal:
                return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return HoldsBinaryFloatingPoint(array.ElementType, depth + 1);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named)
        {
            foreach (var argument in named.TypeArguments)
            {
                if (HoldsBinaryFloatingPoint(argument, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ExpressionSyntax? ReturnedExpression(AccessorDeclarationSyntax accessor)
        => accessor.ExpressionBody?.Expression
           ?? (accessor.Body is { Statements.Count: 1 } body && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);

    private static string? AssignedFromValue(AccessorDeclarationSyntax accessor)
    {
        var expression = accessor.ExpressionBody?.Expression
            ?? (accessor.Body is { Statements.Count: 1 } body && body.Statements[0] is ExpressionStatementSyntax statement ? statement.Expression : null);
        return expression is AssignmentExpressionSyntax { Right: IdentifierNameSyntax { Identifier.ValueText: "value" } } assignment
               && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            ? FieldName(assignment.Left)
            : null;
    }

    private static string? FieldName(ExpressionSyntax? expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
        _ => null,
    };

    private sealed class Analysis(MoneyNames names)
    {
        // Each function's numeric-model verdicts, once per function however many of its declarations ask
        // (a long pricing routine can declare dozens of money-named doubles). Boxed verdicts keep the
        // dictionaries on the runtime's shared code for reference types.
        private static readonly object s_yes = new(), s_no = new();
        private readonly ConcurrentDictionary<IMethodSymbol, object> _modelMath = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, object> _decimalAtItsEdges = new(SymbolEqualityComparer.Default);

        [MethodImpl(JitOptions.Optimized)]
        public void OnField(SymbolAnalysisContext context)
        {
            var field = (IFieldSymbol)context.Symbol;
            if (!HoldsBinaryFloatingPoint(field.Type)
                || field.IsImplicitlyDeclared
                || field.AssociatedSymbol is not null
                || field.Locations.Length == 0
                || !IsMoneyLike(field, null, field.Locations[0])
                || IsReportedThroughItsProperty(field))
            {
                return;
            }

            Report(context, field, "field", field.Type);
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnProperty(SymbolAnalysisContext context)
        {
            var property = (IPropertySymbol)context.Symbol;
            if (!HoldsBinaryFloatingPoint(property.Type)
                || property.IsImplicitlyDeclared
                || property.IsIndexer
                || property.Locations.Length == 0
                || IsFixedSignature(property)
                || IsRecordParameterProperty(property))
            {
                return;
            }

            var location = property.Locations[0];
            if (IsMoneyLike(property, null, location)
                || (BackingField(property) is { } field && IsMoneyLike(field, null, location)))
            {
                Report(context, property, "property", property.Type);
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnMethod(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (!HasBinaryFloatingPointInSignature(method)
                || method.IsImplicitlyDeclared || method.IsExtern || IsFixedSignature(method))
            {
                return;
            }

            switch (method.MethodKind)
            {
                case MethodKind.Ordinary:
                    if (method.Locations.Length > 0
                        && HoldsBinaryFloatingPoint(method.ReturnType)
                        && IsMoneyLike(method, null, method.Locations[0])
                        && !IsModelMath(method))
                    {
                        Report(context, method, "method result", method.ReturnType);
                    }

                    break;
                case MethodKind.Constructor:
                case MethodKind.UserDefinedOperator:
                case MethodKind.Conversion:
                    break;
                default:
                    return; // accessors are their property's; delegate signatures are not declarations of money
            }

            foreach (var parameter in method.Parameters)
            {
                ReportParameter(context, parameter, method);
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnLocalFunction(OperationAnalysisContext context)
        {
            var function = ((ILocalFunctionOperation)context.Operation).Symbol;
            if (function.Locations.Length == 0)
            {
                return;
            }

            if (HoldsBinaryFloatingPoint(function.ReturnType) && IsMoneyLike(function, null, function.Locations[0])
                && !IsModelMath(function))
            {
                context.ReportDiagnostic(Create(function, "method result", function.ReturnType));
            }

            foreach (var parameter in function.Parameters)
            {
                if (HoldsBinaryFloatingPoint(parameter.Type) && parameter.Locations.Length > 0
                    && IsMoneyLike(parameter, function, parameter.Locations[0])
                    && !IsModelMath(function))
                {
                    context.ReportDiagnostic(Create(parameter, "parameter", parameter.Type));
                }
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnVariableDeclarator(OperationAnalysisContext context)
            => OnLocal(context, ((IVariableDeclaratorOperation)context.Operation).Symbol);

        // out var px, out double px, var (bid, ask) = …, (var bid, double ask) = …, foreach (var (bid, ask) in …):
        // every local declared inside an expression sits under a declaration expression, alone or in a
        // tuple. Registering for it, not for every local reference, keeps the driver from calling us at
        // each read of a local.
        [MethodImpl(JitOptions.Optimized)]
        public void OnDeclarationExpression(OperationAnalysisContext context)
            => OnDeclared(context, ((IDeclarationExpressionOperation)context.Operation).Expression, 0);

        [MethodImpl(JitOptions.Optimized)]
        private void OnDeclared(OperationAnalysisContext context, IOperation declared, int depth)
        {
            if (declared is ILocalReferenceOperation { IsDeclaration: true } reference)
            {
                OnLocal(context, reference.Local);
            }
            else if (declared is ITupleOperation tuple && depth < MaxTupleDepth)
            {
                foreach (var element in tuple.Elements)
                {
                    OnDeclared(context, element, depth + 1);
                }
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnDeclarationPattern(OperationAnalysisContext context)
        {
            if (((IDeclarationPatternOperation)context.Operation).DeclaredSymbol is ILocalSymbol local)
            {
                OnLocal(context, local);
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        private void OnLocal(OperationAnalysisContext context, ILocalSymbol local)
        {
            if (HoldsBinaryFloatingPoint(local.Type)
                && local.Locations.Length > 0
                && IsMoneyLike(local, context.ContainingSymbol, local.Locations[0])
                && !(local.ContainingSymbol is IMethodSymbol function
                     && (IsModelMath(function) || IsDecimalAtItsEdges(function, context.Operation.SemanticModel))))
            {
                context.ReportDiagnostic(Create(local, "local", local.Type));
            }
        }

        // Buy(Symbol symbol, double quantity) => Buy(symbol, (decimal)quantity), beside Buy(Symbol, decimal):
        // an overload for callers that hold a double, while the engine keeps the decimal one. The twin
        // has the same name and parameters, decimal where this one has double or float.
        private static bool HasDecimalTwin(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (!IsPlainFloatingPoint(parameter.Type) || method.ContainingType is not { } type)
            {
                return false;
            }

            foreach (var member in type.GetMembers(method.Name))
            {
                if (member is not IMethodSymbol twin || twin.Parameters.Length != method.Parameters.Length
                    || SymbolEqualityComparer.Default.Equals(twin, method))
                {
                    continue;
                }

                var matches = true;
                for (var i = 0; i < twin.Parameters.Length && matches; i++)
                {
                    var own = method.Parameters[i].Type;
                    var other = twin.Parameters[i].Type;
                    matches = i == parameter.Ordinal
                        ? other.SpecialType == SpecialType.System_Decimal
                        : SymbolEqualityComparer.Default.Equals(own, other)
                          || (IsPlainFloatingPoint(own) && other.SpecialType == SpecialType.System_Decimal);
                }

                if (matches)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPlainFloatingPoint(ITypeSymbol type)
            => type.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

        private bool IsModelMath(IMethodSymbol function)
            => Remembered(_modelMath, function, static (f, _) => NumericModel.IsModelMath(f), null);

        private bool IsDecimalAtItsEdges(IMethodSymbol function, SemanticModel? model)
            => Remembered(_decimalAtItsEdges, function, NumericModel.IsDecimalAtItsEdges, model);

        private static bool Remembered(ConcurrentDictionary<IMethodSymbol, object> verdicts, IMethodSymbol function,
            System.Func<IMethodSymbol, SemanticModel?, bool> decide, SemanticModel? model)
        {
            if (!verdicts.TryGetValue(function, out var verdict))
            {
                verdict = verdicts.GetOrAdd(function, decide(function, model) ? s_yes : s_no);
            }

            return verdict == s_yes;
        }

        private void ReportParameter(SymbolAnalysisContext context, IParameterSymbol parameter, IMethodSymbol method)
        {
            if (HoldsBinaryFloatingPoint(parameter.Type)
                && !parameter.IsImplicitlyDeclared
                && parameter.Locations.Length > 0
                && IsMoneyLike(parameter, method, parameter.Locations[0])
                && !IsModelMath(method)
                && !HasDecimalTwin(method, parameter))
            {
                context.ReportDiagnostic(Create(parameter, "parameter", parameter.Type));
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        private static bool HasBinaryFloatingPointInSignature(IMethodSymbol method)
        {
            if (HoldsBinaryFloatingPoint(method.ReturnType))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (HoldsBinaryFloatingPoint(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsMoneyLike(ISymbol symbol, ISymbol? containingMember, Location location)
            => location.SourceTree is { } tree && names.IsMoneyLike(symbol, containingMember, tree);

        // A field that only backs a reported property is that property's declaration.
        private static bool IsReportedThroughItsProperty(IFieldSymbol field)
        {
            foreach (var member in field.ContainingType.GetMembers())
            {
                if (member is IPropertySymbol { IsIndexer: false, IsImplicitlyDeclared: false } property
                    && property.Locations.Length > 0
                    && !IsFixedSignature(property)
                    && SymbolEqualityComparer.Default.Equals(property.Type, field.Type)
                    && SymbolEqualityComparer.Default.Equals(BackingField(property), field))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Report(SymbolAnalysisContext context, ISymbol symbol, string kind, ITypeSymbol type)
            => context.ReportDiagnostic(Create(symbol, kind, type));

        private static Diagnostic Create(ISymbol symbol, string kind, ITypeSymbol type)
            => Diagnostic.Create(Rules.FloatingPointMoney, symbol.Locations[0], symbol.Name, kind,
                type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));

        // Overrides and interface implementations take their signature from elsewhere; the base
        // declaration is the one to report (and, when it is in metadata, the one nobody can change).
        private static bool IsFixedSignature(ISymbol member)
        {
            switch (member)
            {
                case IMethodSymbol method when method.IsOverride || !method.ExplicitInterfaceImplementations.IsEmpty:
                case IPropertySymbol property when property.IsOverride || !property.ExplicitInterfaceImplementations.IsEmpty:
                    return true;
            }

            var type = member.ContainingType;
            if (type is null || member.IsStatic)
            {
                return false;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var candidate in @interface.GetMembers(member.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // record Quote(double Price): the parameter is the declaration; its property is generated from it.
        private static bool IsRecordParameterProperty(IPropertySymbol property)
            => property.DeclaringSyntaxReferences.Length == 1
               && property.DeclaringSyntaxReferences[0].GetSyntax() is ParameterSyntax;
    }

    /// <summary>
    /// Pricing and risk models (Black-Scholes, binomial trees, implied-volatility searches, impact
    /// models) compute in <c>double</c> because the functions they need have no <c>decimal</c> form.
    /// Their money-named parameters, locals and results are model inputs and outputs, not money held:
    /// the state and the books stay <c>decimal</c>, and fields and properties are always reported. Asked
    /// only for a declaration that is already a money-named <c>double</c>, so the syntax walks are rare.
    /// </summary>
    private static class NumericModel
    {
        /// <summary>True when <paramref name="function"/> calls <c>Math.Exp</c>, <c>Log</c>, <c>Pow</c>, <c>Sqrt</c> or another function <c>decimal</c> lacks.</summary>
        public static bool IsModelMath(IMethodSymbol function)
        {
            foreach (var reference in function.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access }
                        && IsTranscendental(name.Identifier.ValueText)
                        && IsMathType(access.Expression))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="function"/> returns <c>decimal</c> and converts a <c>decimal</c> to
        /// <c>double</c> itself (<c>(double)underlying.Price</c>, <c>Convert.ToDouble(strike)</c>): money
        /// enters and leaves as <c>decimal</c>, and its <c>double</c> locals are the computation between.
        /// </summary>
        public static bool IsDecimalAtItsEdges(IMethodSymbol function, SemanticModel? model)
        {
            if (model is null || !HoldsDecimal(function.ReturnType))
            {
                return false;
            }

            foreach (var reference in function.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    var converted = node switch
                    {
                        CastExpressionSyntax { Type: PredefinedTypeSyntax type } cast
                            when type.Keyword.IsKind(SyntaxKind.DoubleKeyword) || type.Keyword.IsKind(SyntaxKind.FloatKeyword) => cast.Expression,
                        InvocationExpressionSyntax
                        {
                            Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Convert" }, Name.Identifier.ValueText: "ToDouble" },
                            ArgumentList.Arguments: { Count: 1 } arguments,
                        } => arguments[0].Expression,
                        _ => null,
                    };
                    if (converted is not null && model.GetTypeInfo(converted).Type?.SpecialType == SpecialType.System_Decimal)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool HoldsDecimal(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_Decimal
               || (type is INamedTypeSymbol { IsGenericType: true, TypeArguments: { Length: 1 } arguments } && arguments[0].SpecialType == SpecialType.System_Decimal);

        private static bool IsTranscendental(string name) => name is
            "Exp" or "Log" or "Log10" or "Log2" or "Pow" or "Sqrt" or "Cbrt"
            or "Sin" or "Cos" or "Tan" or "Asin" or "Acos" or "Atan" or "Atan2"
            or "Sinh" or "Cosh" or "Tanh" or "Asinh" or "Acosh" or "Atanh";

        // Math.Exp, MathF.Exp, System.Math.Exp, global::System.Math.Exp.
        private static bool IsMathType(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax { Identifier.ValueText: "Math" or "MathF" } => true,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Math" or "MathF", Expression: IdentifierNameSyntax { Identifier.ValueText: "System" } or AliasQualifiedNameSyntax } => true,
            _ => false,
        };
    }
}
