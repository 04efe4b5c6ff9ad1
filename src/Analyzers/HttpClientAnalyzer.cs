using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY201 (HttpClient whose timeout is never set, or set above the budget or to infinite, where the
/// client is created or registered) and RDY202 (HttpClient created on every call of a method).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpClientAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: which rewrite the code fix may apply.</summary>
    public const string FixProperty = "Fix";

    /// <summary>Diagnostic property: the timeout budget in milliseconds in force for the tree.</summary>
    public const string BudgetProperty = "BudgetMs";

    /// <summary>Add <c>Timeout = TimeSpan.FromMilliseconds(budget)</c> to the creation's initializer.</summary>
    public const string FixAddTimeout = "AddTimeout";

    /// <summary>Replace the assigned value by <c>TimeSpan.FromMilliseconds(budget)</c>.</summary>
    public const string FixReplaceTimeout = "ReplaceTimeout";

    /// <summary>Chain <c>.ConfigureHttpClient(client => client.Timeout = …)</c> after the registration.</summary>
    public const string FixConfigureHttpClient = "ConfigureHttpClient";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.HttpClientWithoutTimeout, Rules.HttpClientPerCall);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = WellKnownTypes.GetOrCreate(context.Compilation);
        if (types.HttpClient is null || types.TimeSpan is null)
        {
            return; // no HttpClient in this compilation: nothing to match
        }

        var analysis = new Analysis(types, ReadinessOptions.Cache.For(context.Options));
        context.RegisterOperationAction(analysis.OnObjectCreation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.OnSimpleAssignment, OperationKind.SimpleAssignment);
    }

    private enum Destination
    {
        /// <summary>Used where it is created and then dropped: a per-call client.</summary>
        Used,

        /// <summary>Kept beyond the call: a field, a property, a collection, a registration.</summary>
        Stored,

        /// <summary>Handed to the caller: the function is a factory.</summary>
        Returned,
    }

    // One instance per compilation; its methods are the callbacks, so nothing is allocated per node.
    private sealed class Analysis(WellKnownTypes types, ReadinessOptions.Cache options)
    {
        private const string DefaultTimeoutText = "for the default 100 s";
        private const string NeverSetsTimeout = "never sets Timeout";
        private const int MaxEvaluationDepth = 4;
        private const int MaxFlowDepth = 2;

        [MethodImpl(JitOptions.Optimized)]
        public void OnObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type)
            {
                return;
            }

            var isHttpClient = WellKnownTypes.Is(type, types.HttpClient);
            if (!isHttpClient && !WellKnownTypes.IsOrDerivesFrom(type.BaseType, types.HttpClient))
            {
                return;
            }

            var location = CreationLocation(creation.Syntax);

            // A derived client may set its own timeout in its constructor; RDY201 judges HttpClient itself.
            if (isHttpClient && !HasTimeoutInInitializer(creation) && !IsTimeoutSetOnTarget(creation, context.CancellationToken))
            {
                var budget = Budget(creation);
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.HttpClientWithoutTimeout, location, Properties(FixAddTimeout, budget),
                    "new HttpClient", NeverSetsTimeout, DefaultTimeoutText, budget));
            }

            CheckPerCall(context, creation, location);
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;

            if (method.Name == "AddHttpClient")
            {
                if (WellKnownTypes.Is(method.ContainingType, types.HttpClientFactoryServiceCollectionExtensions)
                    && WellKnownTypes.Is(method.ReturnType, types.IHttpClientBuilder))
                {
                    CheckRegistration(context, invocation);
                }

                return;
            }

            // A call to a source method that returns a new HttpClient is a creation too (RDY202).
            if (SymbolEqualityComparer.Default.Equals(method.ReturnType, types.HttpClient)
                && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
                && !method.DeclaringSyntaxReferences.IsEmpty
                && IsFactory(method, context.CancellationToken))
            {
                CheckPerCall(context, invocation, invocation.Syntax.GetLocation());
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnSimpleAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "Timeout" } target
                || !WellKnownTypes.Is(target.Property.ContainingType, types.HttpClient))
            {
                return;
            }

            var value = Evaluate(assignment.Value, 0, context.CancellationToken);
            if (value is not { } milliseconds)
            {
                return; // read from configuration, or not a constant: nothing to judge
            }

            var budget = Budget(assignment);
            string setTo;
            string holds;
            if (milliseconds == -1)
            {
                setTo = "is set to Timeout.InfiniteTimeSpan";
                holds = "indefinitely";
            }
            else if (milliseconds > budget)
            {
                var text = FormatDuration(milliseconds);
                setTo = "is set to " + text;
                holds = "for " + text;
            }
            else
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rules.HttpClientWithoutTimeout, assignment.Syntax.GetLocation(), Properties(FixReplaceTimeout, budget),
                "HttpClient.Timeout", setTo, holds, budget));
        }

        private int Budget(IOperation operation) => options.Get(operation.Syntax.SyntaxTree).HttpTimeoutBudgetMs;

        private static ImmutableDictionary<string, string?> Properties(string fix, int budget)
            => ImmutableDictionary<string, string?>.Empty
                .Add(FixProperty, fix)
                .Add(BudgetProperty, budget.ToString(CultureInfo.InvariantCulture));

        private static Location CreationLocation(SyntaxNode syntax)
        {
            var end = syntax switch
            {
                ObjectCreationExpressionSyntax explicitNew => explicitNew.ArgumentList?.Span.End ?? explicitNew.Type.Span.End,
                ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.ArgumentList.Span.End,
                _ => syntax.Span.End,
            };

            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
        }

        // ---- RDY201: is Timeout set where the client is created? ----

        private static bool HasTimeoutInInitializer(IObjectCreationOperation creation)
        {
            if (creation.Initializer is not { } initializer)
            {
                return false;
            }

            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Timeout" } })
                {
                    return true;
                }
            }

            return false;
        }

        // The instance the creation is stored in (a local, a field, a property) has its Timeout assigned
        // in the same method or constructor, or — for a field or property initializer — in a constructor.
        private bool IsTimeoutSetOnTarget(IObjectCreationOperation creation, CancellationToken cancellationToken)
        {
            var current = (IOperation)creation;
            var parent = current.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation or ICoalesceOperation
                   || (parent is IConditionalOperation conditional && conditional.Condition != current))
            {
                current = parent;
                parent = current.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return IsTimeoutSetInBody(Root(creation), declarator.Symbol, reference: null, cancellationToken);
                case IAssignmentOperation assignment when assignment.Value == current
                                                          && assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation:
                    return IsTimeoutSetInBody(Root(creation), symbol: null, assignment.Target, cancellationToken);
                case IFieldInitializerOperation fieldInitializer:
                    foreach (var field in fieldInitializer.InitializedFields)
                    {
                        if (IsTimeoutSetInConstructors(field, cancellationToken))
                        {
                            return true;
                        }
                    }

                    return false;
                case IPropertyInitializerOperation propertyInitializer:
                    foreach (var property in propertyInitializer.InitializedProperties)
                    {
                        if (IsTimeoutSetInConstructors(property, cancellationToken))
                        {
                            return true;
                        }
                    }

                    return false;
                case IArgumentOperation { Parameter: { } parameter }:
                    return CalleeSetsTimeout(parameter, cancellationToken); // new VenueApi(new HttpClient()), : base(new HttpClient())
                default:
                    return false;
            }
        }

        private bool IsTimeoutSetInBody(IOperation root, ILocalSymbol? symbol, IOperation? reference, CancellationToken cancellationToken)
        {
            foreach (var operation in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Timeout", Instance: { } instance } target }
                        when WellKnownTypes.Is(target.Property.ContainingType, types.HttpClient) && RefersTo(instance, symbol, reference):
                        return true;
                    case IArgumentOperation { Parameter: { } parameter } argument
                        when RefersTo(argument.Value, symbol, reference) && CalleeSetsTimeout(parameter, cancellationToken):
                        return true;
                }
            }

            return false;
        }

        private static bool RefersTo(IOperation operation, ILocalSymbol? symbol, IOperation? reference)
        {
            operation = Conversions.Strip(operation);
            return symbol is not null
                ? operation is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, symbol)
                : reference is not null && SameReference(operation, Conversions.Strip(reference));
        }

        private static bool SameReference(IOperation left, IOperation right)
        {
            switch (left)
            {
                case ILocalReferenceOperation leftLocal when right is ILocalReferenceOperation rightLocal:
                    return SymbolEqualityComparer.Default.Equals(leftLocal.Local, rightLocal.Local);
                case IParameterReferenceOperation leftParameter when right is IParameterReferenceOperation rightParameter:
                    return SymbolEqualityComparer.Default.Equals(leftParameter.Parameter, rightParameter.Parameter);
                case IMemberReferenceOperation leftMember when right is IMemberReferenceOperation rightMember:
                    if (!SymbolEqualityComparer.Default.Equals(leftMember.Member, rightMember.Member)
                        || leftMember is IPropertyReferenceOperation { Arguments.IsEmpty: false })
                    {
                        return false;
                    }

                    var leftInstance = leftMember.Instance is null ? null : Conversions.Strip(leftMember.Instance);
                    var rightInstance = rightMember.Instance is null ? null : Conversions.Strip(rightMember.Instance);
                    return (leftInstance is null or IInstanceReferenceOperation && rightInstance is null or IInstanceReferenceOperation)
                        || (leftInstance is not null && rightInstance is not null && SameReference(leftInstance, rightInstance));
                default:
                    return false;
            }
        }

        // The client is passed to a source method or constructor that sets its Timeout (one level deep).
        private bool CalleeSetsTimeout(IParameterSymbol parameter, CancellationToken cancellationToken)
        {
            if (!WellKnownTypes.Is(parameter.Type, types.HttpClient) || parameter.ContainingSymbol is not IMethodSymbol callee)
            {
                return false;
            }

            foreach (var reference in callee.DeclaringSyntaxReferences)
            {
                if (ContainsTimeoutAssignment(reference.GetSyntax(cancellationToken), receiverName: null))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTimeoutSetInConstructors(ISymbol member, CancellationToken cancellationToken)
        {
            var type = member.ContainingType;
            return IsTimeoutSetIn(type.InstanceConstructors, member.Name, cancellationToken)
                || IsTimeoutSetIn(type.StaticConstructors, member.Name, cancellationToken);
        }

        private static bool IsTimeoutSetIn(ImmutableArray<IMethodSymbol> constructors, string memberName, CancellationToken cancellationToken)
        {
            foreach (var constructor in constructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax syntax
                        && ContainsTimeoutAssignment(syntax, memberName))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // Syntax only: `x.Timeout = …` (or `this.x.Timeout = …`) where x is receiverName, or any receiver when null.
        private static bool ContainsTimeoutAssignment(SyntaxNode node, string? receiverName)
        {
            foreach (var descendant in node.DescendantNodes())
            {
                if (descendant is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Timeout" } access }
                    && descendant.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && (receiverName is null || NameOf(access.Expression) == receiverName))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        // ---- RDY201: IHttpClientFactory registrations ----

        private void CheckRegistration(OperationAnalysisContext context, IInvocationOperation registration)
        {
            var cancellationToken = context.CancellationToken;
            if (RegistrationSetsTimeout(registration, cancellationToken))
            {
                return;
            }

            var top = ClimbBuilderChain(registration, cancellationToken, out var chainSetsTimeout);
            if (chainSetsTimeout)
            {
                return;
            }

            var parent = top.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            var root = Root(registration);
            switch (parent)
            {
                case IExpressionStatementOperation:
                case IReturnOperation:
                    break;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    if (BuilderLocalSetsTimeoutOrEscapes(root, declarator.Symbol, cancellationToken))
                    {
                        return;
                    }

                    break;
                default:
                    return; // handed on: whoever receives the builder may still configure it
            }

            if (DefaultsSetTimeout(root, cancellationToken) || SameNamedClientSetsTimeout(root, registration, cancellationToken))
            {
                return;
            }

            var budget = Budget(registration);
            var properties = types.HttpClientBuilderExtensions is { } extensions && !extensions.GetMembers("ConfigureHttpClient").IsEmpty
                ? Properties(FixConfigureHttpClient, budget)
                : ImmutableDictionary<string, string?>.Empty.Add(BudgetProperty, budget.ToString(CultureInfo.InvariantCulture));
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.HttpClientWithoutTimeout, RegistrationLocation(registration.Syntax), properties,
                RegistrationName(registration), NeverSetsTimeout, DefaultTimeoutText, budget));
        }

        private static Location RegistrationLocation(SyntaxNode syntax)
            => syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End))
                : syntax.GetLocation();

        private static string RegistrationName(IInvocationOperation registration)
        {
            var method = registration.TargetMethod;
            if (method.TypeArguments.Length > 0)
            {
                var name = "AddHttpClient<" + method.TypeArguments[0].Name;
                for (var i = 1; i < method.TypeArguments.Length; i++)
                {
                    name += ", " + method.TypeArguments[i].Name;
                }

                return name + ">";
            }

            return ClientName(registration) is { } clientName ? "AddHttpClient(\"" + clientName + "\")" : "AddHttpClient";
        }

        private static string? ClientName(IInvocationOperation registration)
        {
            foreach (var argument in registration.Arguments)
            {
                if (argument.Parameter?.Name == "name" && argument.Value.ConstantValue is { HasValue: true, Value: string name })
                {
                    return name;
                }
            }

            return null;
        }

        // Its own configure or factory delegates, or the typed client's constructor, set Timeout.
        private bool RegistrationSetsTimeout(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit
                    && argument.Parameter?.Type.TypeKind == TypeKind.Delegate
                    && DelegateSetsTimeout(argument.Value, cancellationToken))
                {
                    return true;
                }
            }

            var typeArguments = invocation.TargetMethod.TypeArguments;
            return typeArguments.Length > 0
                && typeArguments[typeArguments.Length - 1] is INamedTypeSymbol implementation
                && TypedClientSetsTimeout(implementation, cancellationToken);
        }

        // Lambdas are searched; a method group or a delegate variable is code we cannot see: assume it does.
        private bool DelegateSetsTimeout(IOperation value, CancellationToken cancellationToken)
        {
            value = Conversions.Strip(value);
            if (value is not IDelegateCreationOperation creation)
            {
                return true; // a delegate variable or parameter: configured somewhere we cannot see
            }

            switch (creation.Target)
            {
                case IAnonymousFunctionOperation lambda:
                    foreach (var operation in lambda.Body.Descendants())
                    {
                        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Timeout" } target }
                            && WellKnownTypes.Is(target.Property.ContainingType, types.HttpClient))
                        {
                            return true;
                        }

                        if (operation is IArgumentOperation { Parameter: { } parameter } && CalleeSetsTimeout(parameter, cancellationToken))
                        {
                            return true;
                        }
                    }

                    return false;
                case IMethodReferenceOperation reference:
                    if (reference.Method.DeclaringSyntaxReferences.IsEmpty)
                    {
                        return true;
                    }

                    foreach (var syntax in reference.Method.DeclaringSyntaxReferences)
                    {
                        if (ContainsTimeoutAssignment(syntax.GetSyntax(cancellationToken), receiverName: null))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return true;
            }
        }

        // A typed client whose constructor takes the HttpClient and sets its Timeout.
        private bool TypedClientSetsTimeout(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                var takesClient = false;
                foreach (var parameter in constructor.Parameters)
                {
                    takesClient |= WellKnownTypes.Is(parameter.Type, types.HttpClient);
                }

                if (!takesClient)
                {
                    continue;
                }

                // A primary constructor's syntax is the whole type declaration, which is searched too.
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (ContainsTimeoutAssignment(reference.GetSyntax(cancellationToken), receiverName: null))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // services.AddHttpClient(...).AddHttpMessageHandler<H>().ConfigureHttpClient(c => ...): the
        // builder calls chained on the registration, up to the last one.
        private IOperation ClimbBuilderChain(IOperation start, CancellationToken cancellationToken, out bool setsTimeout)
        {
            setsTimeout = false;
            var current = start;
            while (true)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                if (parent is not IArgumentOperation { Parent: IInvocationOperation next } argument
                    || !next.TargetMethod.IsExtensionMethod
                    || next.Arguments.IsEmpty
                    || next.Arguments[0] != argument
                    || !WellKnownTypes.Is(next.TargetMethod.ReturnType, types.IHttpClientBuilder))
                {
                    return current;
                }

                if (BuilderCallSetsTimeout(next, cancellationToken))
                {
                    setsTimeout = true;
                    return next;
                }

                current = next;
            }
        }

        private bool BuilderCallSetsTimeout(IInvocationOperation call, CancellationToken cancellationToken)
            => call.TargetMethod.Name switch
            {
                "ConfigureHttpClient" => RegistrationSetsTimeout(call, cancellationToken),
                "AddTypedClient" => RegistrationSetsTimeout(call, cancellationToken),
                _ => false,
            };

        // var builder = services.AddHttpClient(...); builder.ConfigureHttpClient(...): every use of the
        // local is a chain on the builder; any other use hands it on and we stay silent.
        private bool BuilderLocalSetsTimeoutOrEscapes(IOperation root, ILocalSymbol local, CancellationToken cancellationToken)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    continue;
                }

                var parent = reference.Parent;
                while (parent is IConversionOperation)
                {
                    parent = parent.Parent;
                }

                if (parent is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } call }
                    || !WellKnownTypes.Is(call.TargetMethod.ReturnType, types.IHttpClientBuilder))
                {
                    return true;
                }

                if (BuilderCallSetsTimeout(call, cancellationToken))
                {
                    return true;
                }

                ClimbBuilderChain(call, cancellationToken, out var setsTimeout);
                if (setsTimeout)
                {
                    return true;
                }
            }

            return false;
        }

        // services.ConfigureHttpClientDefaults(b => b.ConfigureHttpClient(c => c.Timeout = …)) covers every client.
        private bool DefaultsSetTimeout(IOperation root, CancellationToken cancellationToken)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "ConfigureHttpClientDefaults" } defaults
                    && WellKnownTypes.Is(defaults.TargetMethod.ContainingType, types.HttpClientFactoryServiceCollectionExtensions)
                    && ContainsTimeoutAssignment(defaults.Syntax, receiverName: null))
                {
                    return true;
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            return false;
        }

        // A named client registered twice in one method: the other registration's Timeout covers it.
        private bool SameNamedClientSetsTimeout(IOperation root, IInvocationOperation registration, CancellationToken cancellationToken)
        {
            if (ClientName(registration) is not { } name)
            {
                return false;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "AddHttpClient" } other
                    && other != registration
                    && ClientName(other) == name
                    && (RegistrationSetsTimeout(other, cancellationToken) || ChainSetsTimeout(other, cancellationToken)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ChainSetsTimeout(IInvocationOperation registration, CancellationToken cancellationToken)
        {
            ClimbBuilderChain(registration, cancellationToken, out var setsTimeout);
            return setsTimeout;
        }

        // ---- RDY201: constant TimeSpan evaluation; -1 is Timeout.InfiniteTimeSpan, null is not constant ----

        private double? Evaluate(IOperation operation, int depth, CancellationToken cancellationToken)
        {
            operation = Conversions.Strip(operation);
            if (depth > MaxEvaluationDepth)
            {
                return null;
            }

            switch (operation)
            {
                case IFieldReferenceOperation { Field: var field }:
                    if (field.Name == "InfiniteTimeSpan" && WellKnownTypes.Is(field.ContainingType, types.ThreadingTimeout))
                    {
                        return -1;
                    }

                    if (WellKnownTypes.Is(field.ContainingType, types.TimeSpan))
                    {
                        return field.Name switch
                        {
                            "Zero" => 0,
                            "MaxValue" => TimeSpan.MaxValue.TotalMilliseconds,
                            _ => null,
                        };
                    }

                    return field.IsReadOnly && WellKnownTypes.Is(field.Type, types.TimeSpan)
                        ? EvaluateDeclaredInitializer(field, operation, depth, cancellationToken)
                        : null;
                case ILocalReferenceOperation { Local: var local } when WellKnownTypes.Is(local.Type, types.TimeSpan):
                    return IsReassigned(Root(operation), local)
                        ? null
                        : EvaluateDeclaredInitializer(local, operation, depth, cancellationToken);
                case IInvocationOperation invocation when invocation.TargetMethod.IsStatic
                                                          && WellKnownTypes.Is(invocation.TargetMethod.ContainingType, types.TimeSpan)
                                                          && invocation.TargetMethod.Name.StartsWith("From", StringComparison.Ordinal):
                    return Sum(invocation.Arguments, UnitOf(invocation.TargetMethod.Name));
                case IObjectCreationOperation creation when WellKnownTypes.Is(creation.Type, types.TimeSpan):
                    return creation.Arguments.IsEmpty ? 0 : Sum(creation.Arguments, defaultUnit: null);
                case IDefaultValueOperation when WellKnownTypes.Is(operation.Type, types.TimeSpan):
                    return 0;
                case IBinaryOperation { OperatorMethod: { } method } binary when WellKnownTypes.Is(method.ContainingType, types.TimeSpan):
                    return EvaluateBinary(binary, depth, cancellationToken);
                default:
                    return null;
            }
        }

        private double? EvaluateBinary(IBinaryOperation binary, int depth, CancellationToken cancellationToken)
        {
            var left = WellKnownTypes.Is(binary.LeftOperand.Type, types.TimeSpan)
                ? Evaluate(binary.LeftOperand, depth + 1, cancellationToken)
                : Number(binary.LeftOperand);
            var right = WellKnownTypes.Is(binary.RightOperand.Type, types.TimeSpan)
                ? Evaluate(binary.RightOperand, depth + 1, cancellationToken)
                : Number(binary.RightOperand);
            if (left is not { } l || right is not { } r || l == -1 || r == -1)
            {
                return null;
            }

            return binary.OperatorKind switch
            {
                BinaryOperatorKind.Add => l + r,
                BinaryOperatorKind.Subtract => l - r,
                BinaryOperatorKind.Multiply => l * r,
                BinaryOperatorKind.Divide when r != 0 && !WellKnownTypes.Is(binary.RightOperand.Type, types.TimeSpan) => l / r,
                _ => null,
            };
        }

        private double? EvaluateDeclaredInitializer(ISymbol symbol, IOperation use, int depth, CancellationToken cancellationToken)
        {
            if (use.SemanticModel is not { } model)
            {
                return null;
            }

            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                // Only a declaration in the same tree can be bound with the model we were given.
                if (reference.SyntaxTree == model.SyntaxTree
                    && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                    && model.GetOperation(value, cancellationToken) is { } initializer)
                {
                    return Evaluate(initializer, depth + 1, cancellationToken);
                }
            }

            return null;
        }

        private static bool IsReassigned(IOperation root, ILocalSymbol local)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is IAssignmentOperation { Target: ILocalReferenceOperation target }
                    && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? UnitOf(string methodName) => methodName switch
        {
            "FromDays" => "days",
            "FromHours" => "hours",
            "FromMinutes" => "minutes",
            "FromSeconds" => "seconds",
            "FromMilliseconds" => "milliseconds",
            "FromMicroseconds" => "microseconds",
            "FromTicks" => "ticks",
            _ => null,
        };

        // TimeSpan.FromSeconds(2), FromSeconds(seconds: 1, milliseconds: 500), new TimeSpan(0, 0, 1):
        // each argument in the unit its parameter is named after (or the method's unit for `value`).
        private static double? Sum(ImmutableArray<IArgumentOperation> arguments, string? defaultUnit)
        {
            double total = 0;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter || Number(argument.Value) is not { } number)
                {
                    return null;
                }

                if ((MillisecondsPer(parameter.Name) ?? MillisecondsPer(defaultUnit)) is not { } factor)
                {
                    return null;
                }

                total += number * factor;
            }

            return total;
        }

        // A switch, not a lookup table: an ImmutableDictionary<string, double> is an instantiation over a value
        // type that the compiler itself never uses, so a build would JIT its 54 methods for this alone.
        private static double? MillisecondsPer(string? unit) => unit switch
        {
            "days" => 86_400_000d,
            "hours" => 3_600_000d,
            "minutes" => 60_000d,
            "seconds" => 1_000d,
            "milliseconds" => 1d,
            "microseconds" => 0.001d,
            "ticks" => 0.0001d,
            _ => null,
        };

        private static double? Number(IOperation operation)
        {
            var constant = operation.ConstantValue;
            if (!constant.HasValue)
            {
                return null;
            }

            return constant.Value switch
            {
                int i => i,
                long l => l,
                double d => d,
                float f => f,
                decimal m => (double)m,
                short s => s,
                byte b => b,
                uint u => u,
                ulong ul => ul,
                _ => null,
            };
        }

        private static string FormatDuration(double milliseconds)
        {
            if (milliseconds < 1000)
            {
                return milliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
            }

            if (milliseconds >= TimeSpan.MaxValue.TotalMilliseconds / 2)
            {
                return "TimeSpan.MaxValue";
            }

            return (milliseconds / 1000).ToString("0.###", CultureInfo.InvariantCulture) + " s";
        }

        // ---- RDY202: a client created on every call ----

        private void CheckPerCall(OperationAnalysisContext context, IOperation creation, Location location)
        {
            var function = EnclosingFunction(creation, context.ContainingSymbol, out var isLambda, out var isAccessor, out var isEntryPoint);
            if (function is null || (isEntryPoint && !IsInLoop(creation)))
            {
                return; // a constructor, a field or property initializer, the entry point (outside a loop)
            }

            var destination = Flow(creation, 0, context.CancellationToken);
            if (destination == Destination.Stored || (destination == Destination.Returned && !isAccessor))
            {
                return; // kept for reuse, or handed out by a factory (lambdas included: Lazy, DI, caches)
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rules.HttpClientPerCall, location, isLambda ? function + " (lambda)" : function));
        }

        // The name of the function the creation runs in, or null when it runs once (constructor,
        // initializer, entry point). Lambdas and local functions are judged by themselves.
        private static string? EnclosingFunction(IOperation operation, ISymbol containingSymbol, out bool isLambda, out bool isAccessor, out bool isEntryPoint)
        {
            isLambda = false;
            isAccessor = false;
            isEntryPoint = false;
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation:
                        isLambda = true;
                        return MemberName(containingSymbol);
                    case ILocalFunctionOperation localFunction:
                        return localFunction.Symbol.Name;
                }
            }

            if (containingSymbol is not IMethodSymbol method
                || method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor)
            {
                return null;
            }

            isEntryPoint = IsEntryPoint(method);
            isAccessor = method.MethodKind is MethodKind.PropertyGet;
            return MemberName(method);
        }

        private static string MemberName(ISymbol symbol) => symbol switch
        {
            IMethodSymbol { AssociatedSymbol: { } associated } => associated.Name,
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => constructor.ContainingType.Name,
            _ => symbol.Name,
        };

        private static bool IsEntryPoint(IMethodSymbol method)
            => method.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName
               || (method.IsStatic && method.Name == "Main");

        private Destination Flow(IOperation value, int depth, CancellationToken cancellationToken)
        {
            var current = value;
            while (true)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case ICoalesceOperation:
                    case IArrayInitializerOperation:
                    case IArrayCreationOperation:
                    case IConditionalOperation conditional when conditional.Condition != current:
                        current = parent;
                        continue;
                    case IArgumentOperation { Parent: IObjectCreationOperation wrapper }:
                        current = wrapper; // new VenueApi(new HttpClient()): where the wrapper goes
                        continue;
                    case IArgumentOperation { Parent: IInvocationOperation { IsImplicit: true, Parent: IObjectOrCollectionInitializerOperation { Parent: { } collection } } }:
                        current = collection;
                        continue;
                    case IArgumentOperation { Parent: IInvocationOperation call }:
                        return IsStoringCall(call.TargetMethod.Name) ? Destination.Stored : Destination.Used;
                    case IAssignmentOperation assignment when assignment.Value == current
                                                              && assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation:
                        return assignment.Target is ILocalReferenceOperation local
                            ? FlowOfLocal(local.Local, current, isUsing: false, depth, cancellationToken)
                            : Destination.Stored;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return FlowOfLocal(declarator.Symbol, current, IsUsing(declarator), depth, cancellationToken);
                    case IFieldInitializerOperation:
                    case IPropertyInitializerOperation:
                        return Destination.Stored;
                    case IReturnOperation:
                        return Destination.Returned;
                    default:
                        return Destination.Used;
                }
            }
        }

        // Kept when a use stores or returns it, or when a loop after the creation reuses it: a worker's
        // `using var http = new HttpClient(); while (…) { await http.GetAsync(…); }` runs once per worker.
        private Destination FlowOfLocal(ILocalSymbol local, IOperation anchor, bool isUsing, int depth, CancellationToken cancellationToken)
        {
            if (depth >= MaxFlowDepth)
            {
                return Destination.Used;
            }

            var creationLoop = EnclosingLoop(anchor);
            var result = Destination.Used;
            foreach (var operation in Root(anchor).Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !IsWriteTarget(reference))
                {
                    if (depth == 0 && EnclosingLoop(reference) is { } loop && loop != creationLoop && !IsInside(creationLoop, loop))
                    {
                        return Destination.Stored; // reused by a loop: one client for many requests
                    }

                    if (isUsing)
                    {
                        continue; // disposed at the end of the scope: only a reusing loop keeps it
                    }

                    switch (Flow(reference, depth + 1, cancellationToken))
                    {
                        case Destination.Stored:
                            return Destination.Stored;
                        case Destination.Returned:
                            result = Destination.Returned;
                            break;
                    }
                }
            }

            return result;
        }

        private static bool IsInLoop(IOperation operation) => EnclosingLoop(operation) is not null;

        // The innermost loop around the operation inside its own function (lambdas and local functions
        // are functions of their own).
        private static ILoopOperation? EnclosingLoop(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation loop:
                        return loop;
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        // True when inner is the same as, or nested in, outer (null outer: the function body holds everything).
        private static bool IsInside(ILoopOperation? inner, ILoopOperation outer)
        {
            for (IOperation? current = inner; current is not null; current = current.Parent)
            {
                if (current == outer)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsWriteTarget(IOperation reference)
            => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

        private static bool IsUsing(IVariableDeclaratorOperation declarator)
            => declarator.Parent is IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation { Parent: IUsingDeclarationOperation or IUsingOperation } };

        // _clients.Add(http), cache.GetOrAdd(key, http), services.AddSingleton(http), registry.Register(http):
        // the first word of the method's name (whole words: Address is not Add) says it keeps its argument.
        private static bool IsStoringCall(string name)
        {
            var words = Names.SplitWords(name);
            if (words.IsEmpty)
            {
                return false;
            }

            return words[0] switch
            {
                "add" or "register" or "set" or "store" or "cache" or "enqueue" or "push" or "insert" or "put" => true,
                "try" => words.Length > 1 && words[1] is "add" or "set",
                "get" => words.Length > 2 && words[1] == "or" && words[2] == "add",
                _ => false,
            };
        }

        // A source method whose body hands out a new HttpClient: `=> new HttpClient(...)`,
        // `return new HttpClient(...)`, or a local initialised with one and returned.
        private static bool IsFactory(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var (body, expressionBody) = syntax switch
                {
                    MethodDeclarationSyntax m => (m.Body, m.ExpressionBody?.Expression),
                    LocalFunctionStatementSyntax l => (l.Body, l.ExpressionBody?.Expression),
                    _ => (null, null),
                };

                if (expressionBody is not null)
                {
                    return IsClientCreation(expressionBody);
                }

                if (body is null)
                {
                    continue;
                }

                foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                {
                    if (node is ReturnStatementSyntax { Expression: { } returned }
                        && (IsClientCreation(returned) || (returned is IdentifierNameSyntax name && IsLocalInitialisedWithClient(body, name.Identifier.ValueText))))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsLocalInitialisedWithClient(BlockSyntax body, string name)
        {
            foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                    && declarator.Identifier.ValueText == name
                    && IsClientCreation(value))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsClientCreation(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression switch
            {
                ImplicitObjectCreationExpressionSyntax => true, // the method returns HttpClient
                ObjectCreationExpressionSyntax { Type: var type } => RightmostName(type) == "HttpClient",
                _ => false,
            };
        }

        private static string? RightmostName(TypeSyntax type) => type switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        // ---- shared ----

        private static IOperation Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent is { } parent)
            {
                current = parent;
            }

            return current;
        }
    }
}
