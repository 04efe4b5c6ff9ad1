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
/// Who the engine trusts at the other end of a connection. RDY302: certificate-validation callbacks
/// that accept every certificate. RDY303: SSL 2/3, TLS 1.0 and TLS 1.1 enabled through
/// <c>SslProtocols</c> or <c>SecurityProtocolType</c>. RDY305: a CORS policy open to every origin
/// (<c>AllowAnyOrigin()</c>, <c>WithOrigins("*")</c>, <c>SetIsOriginAllowed(_ => true)</c> on the
/// ASP.NET Core policy builder, or an <c>Access-Control-Allow-Origin: *</c> header set by hand).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TransportSecurityAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property (RDY302): the callback is the value of an assignment the fix can remove.</summary>
    public const string RemovableProperty = "Removable";

    /// <summary>Diagnostic property (RDY303): the enum type whose Tls12 | Tls13 replaces the expression.</summary>
    public const string ProtocolTypeProperty = "ProtocolType";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.CertificateValidationDisabled, Rules.ObsoleteTlsProtocol, Rules.CorsAnyOrigin);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Each rule's part is registered only when the rule is on somewhere (see RuleSwitch).
        var compilation = context.Compilation;
        var types = WellKnownTypes.GetOrCreate(compilation);
        if (RuleSwitch.IsOn(compilation, Rules.CorsAnyOrigin, context.CancellationToken))
        {
            var cors = new CorsAnalysis(types);
            context.RegisterOperationAction(cors.OnInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(CorsAnalysis.OnAssignment, OperationKind.SimpleAssignment);
        }

        var analysis = new TlsAnalysis(types);
        if (types.SslPolicyErrors is not null && RuleSwitch.IsOn(compilation, Rules.CertificateValidationDisabled, context.CancellationToken))
        {
            context.RegisterOperationAction(analysis.OnDelegateCreation, OperationKind.DelegateCreation);
            context.RegisterOperationAction(analysis.OnPropertyReference, OperationKind.PropertyReference);
        }

        if ((types.SslProtocols is not null || types.SecurityProtocolType is not null)
            && RuleSwitch.IsOn(compilation, Rules.ObsoleteTlsProtocol, context.CancellationToken))
        {
            context.RegisterOperationAction(analysis.OnFieldReference, OperationKind.FieldReference);
            context.RegisterOperationAction(analysis.OnConversion, OperationKind.Conversion);
        }
    }

    // RDY302, RDY303.
    private sealed class TlsAnalysis(WellKnownTypes types)
    {
        private static readonly ImmutableDictionary<string, string?> s_removable =
            ImmutableDictionary<string, string?>.Empty.Add(RemovableProperty, "true");

        // SslProtocols: Ssl2 = 12, Ssl3 = 48, Tls = 192, Tls11 = 768; SecurityProtocolType shares the values.
        private const int ObsoleteProtocolBits = 12 | 48 | 192 | 768;

        [MethodImpl(JitOptions.Optimized)]
        public void OnDelegateCreation(OperationAnalysisContext context)
        {
            var creation = (IDelegateCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol { DelegateInvokeMethod: { ReturnType.SpecialType: SpecialType.System_Boolean } invoke }
                || !HasPolicyErrorsParameter(invoke)
                || !AlwaysTrue.IsAlwaysTrueDelegate(creation.Target, context.CancellationToken))
            {
                return;
            }

            ReportAcceptAll(context, creation, DescribeTarget(creation, creation.Type.Name));
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnPropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (reference.Property.Name != "DangerousAcceptAnyServerCertificateValidator"
                || !WellKnownTypes.Is(reference.Property.ContainingType, types.HttpClientHandler))
            {
                return;
            }

            ReportAcceptAll(context, reference, DescribeTarget(reference, "HttpClientHandler.DangerousAcceptAnyServerCertificateValidator"));
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnFieldReference(OperationAnalysisContext context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (!IsObsoleteMember(reference.Field))
            {
                return;
            }

            OnObsoleteProtocol(context, reference);
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnConversion(OperationAnalysisContext context)
        {
            var conversion = (IConversionOperation)context.Operation;
            if (conversion.IsImplicit || !IsProtocolType(conversion.Type)
                || conversion.Operand.ConstantValue is not { HasValue: true, Value: int value }
                || (value & ObsoleteProtocolBits) == 0)
            {
                return;
            }

            OnObsoleteProtocol(context, conversion);
        }

        private static void ReportAcceptAll(OperationAnalysisContext context, IOperation value, string name)
        {
            var target = value;
            var parent = SkipConversions(ref target);
            var removable = parent is IAssignmentOperation assignment && assignment.Value == target
                && (assignment.Parent is IExpressionStatementOperation
                    || (assignment is ISimpleAssignmentOperation && assignment.Parent is IObjectOrCollectionInitializerOperation));
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.CertificateValidationDisabled, value.Syntax.GetLocation(), removable ? s_removable : null, name));
        }

        // The member the callback is given to: HttpClientHandler.ServerCertificateCustomValidationCallback,
        // ServicePointManager.ServerCertificateValidationCallback, an SslStream constructor parameter.
        private static string DescribeTarget(IOperation value, string fallback)
        {
            var target = value;
            var parent = SkipConversions(ref target);
            return parent switch
            {
                IAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property.ContainingType.Name + "." + property.Property.Name,
                IAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field.ContainingType.Name + "." + field.Field.Name,
                IArgumentOperation { Parameter: { } parameter } => parameter.ContainingSymbol.ContainingType.Name + "(" + parameter.Name + ")",
                _ => fallback,
            };
        }

        private bool HasPolicyErrorsParameter(IMethodSymbol invoke)
        {
            foreach (var parameter in invoke.Parameters)
            {
                if (WellKnownTypes.Is(parameter.Type, types.SslPolicyErrors))
                {
                    return true;
                }
            }

            return false;
        }

        private void OnObsoleteProtocol(OperationAnalysisContext context, IOperation operand)
        {
            // A test or mask (`p == SslProtocols.Tls`, `p & SslProtocols.Tls11`, `~SecurityProtocolType.Tls`)
            // reads the protocol set; only a value that enables the protocol pins it.
            var top = operand;
            var parent = SkipConversions(ref top);
            while (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } or)
            {
                top = or;
                parent = SkipConversions(ref top);
            }

            if (operand.Parent is IUnaryOperation || IsReadingContext(parent) || !IsFirstObsoleteOperand(operand, top))
            {
                return;
            }

            var protocolType = IsProtocolType(top.Type) ? top.Type! : operand.Type!;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ProtocolTypeProperty, protocolType.Name);
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.ObsoleteTlsProtocol, top.Syntax.GetLocation(), properties, DescribeObsolete(top)));
        }

        private static bool IsReadingContext(IOperation? parent)
            => parent is IBinaryOperation { OperatorKind: not BinaryOperatorKind.Or }
                or IUnaryOperation
                or IPatternOperation
                or ICaseClauseOperation
                or ISwitchExpressionOperation
                or ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.ExclusiveOr }
                || (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "HasFlag" or "Equals" } })
                || parent is IInvocationOperation { TargetMethod.Name: "HasFlag" or "Equals" };

        private bool IsFirstObsoleteOperand(IOperation operand, IOperation top)
        {
            foreach (var operation in top.DescendantsAndSelf())
            {
                if (IsObsoleteOperand(operation))
                {
                    return operation == operand;
                }
            }

            return false;
        }

        private bool IsObsoleteOperand(IOperation operation)
            => operation switch
            {
                IFieldReferenceOperation field => IsObsoleteMember(field.Field) && field.Parent is not IUnaryOperation,
                IConversionOperation { IsImplicit: false } conversion => IsProtocolType(conversion.Type)
                    && conversion.Operand.ConstantValue is { HasValue: true, Value: int value }
                    && (value & ObsoleteProtocolBits) != 0,
                _ => false,
            };

        private string DescribeObsolete(IOperation top)
        {
            var names = "";
            foreach (var operation in top.DescendantsAndSelf())
            {
                if (IsObsoleteOperand(operation))
                {
                    var name = operation is IFieldReferenceOperation field
                        ? field.Field.ContainingType.Name + "." + field.Field.Name
                        : operation.Syntax.ToString();
                    names = names.Length == 0 ? name : names + " | " + name;
                }
            }

            return names;
        }

        private bool IsObsoleteMember(IFieldSymbol field)
        {
            switch (field.Name)
            {
                case "Ssl2":
                case "Default":
                    return WellKnownTypes.Is(field.ContainingType, types.SslProtocols);
                case "Ssl3":
                case "Tls":
                case "Tls11":
                    return IsProtocolType(field.ContainingType);
                default:
                    return false;
            }
        }

        private bool IsProtocolType(ITypeSymbol? type)
            => WellKnownTypes.Is(type, types.SslProtocols) || WellKnownTypes.Is(type, types.SecurityProtocolType);

        private static IOperation? SkipConversions(ref IOperation value)
        {
            var parent = value.Parent;
            while (parent is IConversionOperation { IsImplicit: true } or IDelegateCreationOperation)
            {
                value = parent;
                parent = parent.Parent;
            }

            return parent;
        }
    }

    // RDY305.
    private sealed class CorsAnalysis(WellKnownTypes types)
    {
        private const string AllowOriginHeader = "Access-Control-Allow-Origin";

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
                var value = Conversions.Strip(argument.Value);
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
            => Conversions.Strip(value).ConstantValue is { HasValue: true, Value: string text } && text.Trim() == "*";

        private static bool IsAllowOriginHeader(IOperation value)
            => Conversions.Strip(value).ConstantValue is { HasValue: true, Value: string text }
               && string.Equals(text.Trim(), AllowOriginHeader, StringComparison.OrdinalIgnoreCase);
    }
}
