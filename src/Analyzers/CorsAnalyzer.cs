using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY305: a CORS policy open to every origin — <c>AllowAnyOrigin()</c>, <c>WithOrigins("*")</c>,
/// <c>SetIsOriginAllowed(_ => true)</c> on the ASP.NET Core policy builder, or an
/// <c>Access-Control-Allow-Origin: *</c> header set by hand.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CorsAnalyzer : DiagnosticAnalyzer
{
    private const string AllowOriginHeader = "Access-Control-Allow-Origin";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.CorsAnyOrigin);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var analysis = new Analysis(WellKnownTypes.GetOrCreate(context.Compilation));
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(Analysis.OnAssignment, OperationKind.SimpleAssignment);
    }

    private sealed class Analysis(WellKnownTypes types)
    {
        [MethodImpl(JitOptions.Optimized)]
        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "AllowAnyOrigin" when IsPolicyBuilder(method.ContainingType):
                    Report(context, invocation, "AllowAnyOrigin()");
                    break;
                case "WithOrigins" when IsPolicyBuilder(method.ContainingType) && HasWildcard(invocation.Arguments):
                    Report(context, invocation, "WithOrigins(\"*\")");
                    break;
                case "SetIsOriginAllowed" when IsPolicyBuilder(method.ContainingType)
                                               && invocation.Arguments.Length == 1
                                               && AlwaysTrue.IsAlwaysTrueDelegate(invocation.Arguments[0].Value, context.CancellationToken):
                    Report(context, invocation, "SetIsOriginAllowed(_ => true)");
                    break;
                case "Add" or "Append" or "TryAdd" or "TryAddWithoutValidation" or "AppendHeader" or "AddHeader" or "Set"
                    when invocation.Arguments.Length >= 2
                         && IsAllowOriginHeader(invocation.Arguments[0].Value)
                         && IsWildcard(invocation.Arguments[1].Value):
                    Report(context, invocation, AllowOriginHeader + ": *");
                    break;
                case "Add" when invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Origins", ContainingType.Name: "CorsPolicy" } }
                                && HasWildcard(invocation.Arguments):
                    Report(context, invocation, "CorsPolicy.Origins.Add(\"*\")");
                    break;
            }
        }

        // headers["Access-Control-Allow-Origin"] = "*"; headers.AccessControlAllowOrigin = "*";
        [MethodImpl(JitOptions.Optimized)]
        public static void OnAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property || !IsWildcard(assignment.Value))
            {
                return;
            }

            if (property.Property.Name == "AccessControlAllowOrigin"
                || (property.Arguments.Length == 1 && IsAllowOriginHeader(property.Arguments[0].Value)))
            {
                Report(context, assignment, AllowOriginHeader + ": *");
            }
        }

        private static void Report(OperationAnalysisContext context, IOperation operation, string name)
        {
            var syntax = operation.Syntax;
            // Point at the builder call itself, not the whole fluent chain before it.
            if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.CorsAnyOrigin,
                    Location.Create(call.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, call.Span.End)), name));
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rules.CorsAnyOrigin, syntax.GetLocation(), name));
        }

        private bool IsPolicyBuilder(INamedTypeSymbol? type)
            => type is not null && (WellKnownTypes.Is(type, types.CorsPolicyBuilder)
                                    || (types.CorsPolicyBuilder is null && type.Name == "CorsPolicyBuilder"));

        private static bool HasWildcard(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                var value = Unwrap(argument.Value);
                if (value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        if (IsWildcard(element))
                        {
                            return true;
                        }
                    }
                }
                else if (IsWildcard(value))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsWildcard(IOperation value)
            => Unwrap(value).ConstantValue is { HasValue: true, Value: string text } && text.Trim() == "*";

        private static bool IsAllowOriginHeader(IOperation value)
            => Unwrap(value).ConstantValue is { HasValue: true, Value: string text }
               && string.Equals(text.Trim(), AllowOriginHeader, StringComparison.OrdinalIgnoreCase);

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }
    }
}
