using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY502 (a failed TryParse silently becomes zero or a default) and RDY503 (culture-sensitive number
/// parsing and formatting).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NumberParsingAnalyzer : DiagnosticAnalyzer
{
    // How many operations of a parsed text argument are read for money-like names (json["price"]).
    private const int MaxTextOperations = 24;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.SwallowedParseFailure, Rules.CultureSensitiveNumberConversion);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = WellKnownTypes.GetOrCreate(context.Compilation);
        if (types.IFormatProvider is null)
        {
            return;
        }

        var analysis = new Analysis(types, new MoneyNames(ReadinessOptions.Cache.For(context.Options)));
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
    }

    private sealed class Analysis(WellKnownTypes types, MoneyNames names)
    {
        [MethodImpl(JitOptions.Optimized)]
        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;

            // Cheapest test first: the name rejects almost every call in the program.
            switch (method.Name)
            {
                case "Parse":
                    if (method.IsStatic && IsFloatingOrDecimal(method.ContainingType) && !PassesProvider(invocation)
                        && !IsNamedAsNotMoney(invocation, context))
                    {
                        ReportCulture(context, invocation, Keyword(method.ContainingType) + ".Parse");
                    }

                    break;
                case "TryParse":
                    if (!method.IsStatic || !IsParsedNumber(method.ContainingType))
                    {
                        break;
                    }

                    var api = Keyword(method.ContainingType) + ".TryParse";
                    if (IsFloatingOrDecimal(method.ContainingType) && !PassesProvider(invocation)
                        && !IsNamedAsNotMoney(invocation, context))
                    {
                        ReportCulture(context, invocation, api);
                    }

                    CheckSwallowedFailure(context, invocation, api);
                    break;
                case "ToDecimal":
                case "ToDouble":
                case "ToSingle":
                    if (method.IsStatic
                        && WellKnownTypes.Is(method.ContainingType, types.Convert)
                        && method.Parameters.Length > 0
                        && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                        && !PassesProvider(invocation)
                        && !IsNamedAsNotMoney(invocation, context))
                    {
                        ReportCulture(context, invocation, "Convert." + method.Name);
                    }

                    break;
                case "ToString":
                    if (!method.IsStatic
                        && IsFloatingOrDecimal(method.ContainingType)
                        && !PassesProvider(invocation)
                        && IsMoneyValue(invocation, context))
                    {
                        ReportCulture(context, invocation, Keyword(method.ContainingType) + ".ToString");
                    }

                    break;
            }
        }

        private static bool IsFloatingOrDecimal(ITypeSymbol? type)
            => type?.SpecialType is SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single;

        private static bool IsParsedNumber(ITypeSymbol? type)
            => IsFloatingOrDecimal(type) || type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;

        private static string Keyword(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Decimal => "decimal",
            SpecialType.System_Double => "double",
            SpecialType.System_Single => "float",
            SpecialType.System_Int32 => "int",
            SpecialType.System_Int64 => "long",
            _ => type.Name,
        };

        // A provider counts when it is written and is not the null literal; an omitted optional
        // provider (the span overloads) or an explicit null means the current culture.
        private bool PassesProvider(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && WellKnownTypes.Is(parameter.Type, types.IFormatProvider))
                {
                    return argument.ArgumentKind != ArgumentKind.DefaultValue && !IsNullLiteral(argument.Value);
                }
            }

            return false;
        }

        private static bool IsNullLiteral(IOperation value)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            return value is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }
                || value is IDefaultValueOperation;
        }

        // decimal is the money type: every decimal counts unless its name says it is a ratio or a
        // duration. A double or float counts when what it is read from has a money-like name
        // (price.ToString(), GetPnl().ToString(), fills[i].Fee.ToString()).
        private bool IsMoneyValue(IInvocationOperation invocation, OperationAnalysisContext context)
        {
            var instance = invocation.Instance;
            if (instance is IConditionalAccessInstanceOperation)
            {
                for (var current = invocation.Parent; current is not null; current = current.Parent)
                {
                    if (current is IConditionalAccessOperation access)
                    {
                        instance = access.Operation;
                        break;
                    }
                }
            }

            var symbol = MoneyNames.ReferencedSymbol(instance);
            var tree = invocation.Syntax.SyntaxTree;
            if (invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_Decimal)
            {
                return symbol is null || !names.IsExplicitlyNotMoney(symbol.Name, tree);
            }

            return symbol is not null && names.IsMoneyLike(symbol, context.ContainingSymbol, tree);
        }

        // Parsing is where payload text enters the engine, so every decimal, double and float parse
        // counts, except when its names say it is not an amount: stored under or read from a ratio,
        // statistic or duration name (timeoutSeconds, json["feePct"]) and no money-like name.
        private bool IsNamedAsNotMoney(IInvocationOperation invocation, OperationAnalysisContext context)
        {
            var tree = invocation.Syntax.SyntaxTree;
            var notMoney = false;
            var (outTarget, text) = OutAndTextArguments(invocation);
            var target = outTarget is not null
                ? MoneyNames.ReferencedSymbol(outTarget)
                : StoredUnder(invocation, context);
            if (target is not null)
            {
                if (names.IsMoneyLike(target, context.ContainingSymbol, tree))
                {
                    return false;
                }

                notMoney = names.IsExplicitlyNotMoney(target.Name, tree);
            }

            if (outTarget is not null && WalkCondition(invocation).Condition.Parent is IConditionalOperation { Type: { } } conditional
                && StoredUnder(conditional, context) is { } stored)
            {
                if (names.IsMoneyLike(stored, context.ContainingSymbol, tree))
                {
                    return false;
                }

                notMoney |= names.IsExplicitlyNotMoney(stored.Name, tree);
            }

            if (text is null)
            {
                return notMoney;
            }

            var seen = 0;
            foreach (var operation in text.DescendantsAndSelf())
            {
                if (++seen > MaxTextOperations)
                {
                    break;
                }

                if (NameIn(operation) is not { } name)
                {
                    continue;
                }

                if (names.IsMoneyLike(name, context.ContainingSymbol.Name, tree))
                {
                    return false;
                }

                notMoney |= names.IsExplicitlyNotMoney(name, tree);
            }

            return notMoney;
        }

        private static string? NameIn(IOperation operation) => operation switch
        {
            ILiteralOperation { ConstantValue: { HasValue: true, Value: string key } } when key.Length <= 64 => key,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };

        private static void ReportCulture(OperationAnalysisContext context, IInvocationOperation invocation, string api)
            => context.ReportDiagnostic(Diagnostic.Create(
                Rules.CultureSensitiveNumberConversion, invocation.Syntax.GetLocation(), api));

        // RDY502: the bool is discarded, or it only chooses a constant default on failure; and what is
        // parsed is money-like by the out target's name, the name the result is stored under, or the
        // text it is parsed from (json["price"], GetProperty("lastPrice")).
        private void CheckSwallowedFailure(OperationAnalysisContext context, IInvocationOperation invocation, string api)
        {
            var (outTarget, text) = OutAndTextArguments(invocation);
            if (outTarget is null || outTarget is IDiscardOperation || text is null)
            {
                return;
            }

            string usage;
            string becomes;
            IOperation? resultTarget = null;
            var (condition, negated) = WalkCondition(invocation);
            switch (condition.Parent)
            {
                case IExpressionStatementOperation when condition == invocation:
                case ISimpleAssignmentOperation { Target: IDiscardOperation, Parent: IExpressionStatementOperation } when condition == invocation:
                    usage = "discarded";
                    becomes = "0";
                    break;
                case IConditionalOperation conditional when conditional.Condition == condition:
                    var failure = negated ? conditional.WhenTrue : conditional.WhenFalse;
                    if (conditional.Type is null || conditional.Type.SpecialType == SpecialType.System_Void)
                    {
                        // An if statement: the failure branch may only assign constant defaults.
                        if (failure is null || !OnlyAssignsDefaults(failure, MoneyNames.ReferencedSymbol(outTarget), out becomes))
                        {
                            return;
                        }
                    }
                    else if (failure is null || !IsDefault(failure, out becomes))
                    {
                        return;
                    }
                    else
                    {
                        resultTarget = conditional;
                    }

                    usage = "used only to pick a default";
                    break;
                default:
                    return; // returned, stored or branched on: the caller decides what a failure means
            }

            var tree = invocation.Syntax.SyntaxTree;
            var moneyName = MoneyNameOf(MoneyNames.ReferencedSymbol(outTarget), context, tree)
                ?? (resultTarget is null ? null : MoneyNameOf(StoredUnder(resultTarget, context), context, tree))
                ?? MoneyNameInText(text, context, tree);
            if (moneyName is null)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rules.SwallowedParseFailure, invocation.Syntax.GetLocation(), api, usage, moneyName, becomes));
        }

        private static (IOperation? OutTarget, IOperation? Text) OutAndTextArguments(IInvocationOperation invocation)
        {
            IOperation? outTarget = null;
            IOperation? text = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                if (parameter.RefKind == RefKind.Out)
                {
                    outTarget = argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value;
                }
                else if (parameter.Ordinal == 0)
                {
                    text = argument.Value;
                }
            }

            return (outTarget, text);
        }

        // Climbs from the call through '!', '&&' (while the result still means success) and '||'
        // (while it still means failure): 'TryParse(s, out p) && p > 0 ? p : 0' picks a default too.
        private static (IOperation Condition, bool Negated) WalkCondition(IOperation invocation)
        {
            var current = invocation;
            var negated = false;
            while (true)
            {
                switch (current.Parent)
                {
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                        negated = !negated;
                        current = negation;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when !negated:
                        current = both;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when negated:
                        current = either;
                        continue;
                    default:
                        return (current, negated);
                }
            }
        }

        // A failure branch that only assigns numeric constants, one of them to the parsed variable
        // ('p = 0;', '{ price = 0m; qty = default; }'). Anything else there (a throw, a return, a log
        // call, a continue, 'valid = false') is an error path.
        private static bool OnlyAssignsDefaults(IOperation branch, ISymbol? parsed, out string becomes)
        {
            becomes = "0";
            var assignsParsed = false;
            if (branch is IBlockOperation block)
            {
                if (block.Operations.IsEmpty)
                {
                    return false;
                }

                foreach (var statement in block.Operations)
                {
                    if (!IsDefaultAssignment(statement, parsed, ref becomes, ref assignsParsed))
                    {
                        return false;
                    }
                }

                return assignsParsed;
            }

            return IsDefaultAssignment(branch, parsed, ref becomes, ref assignsParsed) && assignsParsed;
        }

        private static bool IsDefaultAssignment(IOperation statement, ISymbol? parsed, ref string becomes, ref bool assignsParsed)
        {
            if (statement is not IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
                || !IsParsedNumber(assignment.Target.Type)
                || !IsDefault(assignment.Value, out var value))
            {
                return false;
            }

            if (parsed is not null && SymbolEqualityComparer.Default.Equals(MoneyNames.ReferencedSymbol(assignment.Target), parsed))
            {
                assignsParsed = true;
                becomes = value;
            }

            return true;
        }

        // A constant or default(T); null (the caller must handle it) and NaN (it poisons every sum
        // downstream, loudly) are not silent defaults.
        private static bool IsDefault(IOperation value, out string becomes)
        {
            becomes = "0";
            value = Conversions.Strip(value);

            if (value is IDefaultValueOperation)
            {
                return value.Type is { IsValueType: true } && value.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
            }

            var constant = value.ConstantValue;
            if (!constant.HasValue || constant.Value is null
                || constant.Value is double.NaN || (constant.Value is float f && float.IsNaN(f)))
            {
                return false;
            }

            var text = value.Syntax.ToString();
            becomes = text.Length <= 24 ? text : "a default";
            return true;
        }

        private static ISymbol? StoredUnder(IOperation result, OperationAnalysisContext context)
        {
            var current = result;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation assignment when assignment.Value == current => MoneyNames.ReferencedSymbol(assignment.Target),
                IReturnOperation => ReturningFunction(current, context),
                IArgumentOperation { Parameter: { } parameter } when parameter.ContainingSymbol.Locations.Length > 0
                                                                     && parameter.ContainingSymbol.Locations[0].IsInSource => parameter,
                _ => null,
            };
        }

        private static ISymbol? ReturningFunction(IOperation operation, OperationAnalysisContext context)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation:
                        return null;
                    case ILocalFunctionOperation local:
                        return local.Symbol;
                }
            }

            return context.ContainingSymbol is IMethodSymbol { AssociatedSymbol: { } property } ? property : context.ContainingSymbol;
        }

        private string? MoneyNameOf(ISymbol? symbol, OperationAnalysisContext context, SyntaxTree tree)
            => symbol is not null && names.IsMoneyLike(symbol, context.ContainingSymbol, tree) ? symbol.Name : null;

        // Names in the parsed text: identifiers (priceText, fill.Qty) and string keys (json["price"]).
        private string? MoneyNameInText(IOperation text, OperationAnalysisContext context, SyntaxTree tree)
        {
            var seen = 0;
            foreach (var operation in text.DescendantsAndSelf())
            {
                if (++seen > MaxTextOperations)
                {
                    break;
                }

                var name = NameIn(operation);
                if (name is not null && names.IsMoneyLike(name, context.ContainingSymbol.Name, tree))
                {
                    return name;
                }
            }

            return null;
        }
    }
}
