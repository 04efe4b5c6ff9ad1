using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>RDY101 (Thread.Sleep on an async path) and RDY102 (sync-over-async).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the name of the one CancellationToken in scope, for the fix.</summary>
    public const string CancellationTokenProperty = "CancellationToken";

    /// <summary>Diagnostic property: which rewrite the code fix may apply.</summary>
    public const string FixProperty = "Fix";

    public const string FixTaskDelay = "TaskDelay";
    public const string FixAwait = "Await";
    public const string FixWhenAll = "WhenAll";
    public const string FixWhenAny = "WhenAny";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.ThreadSleepOnAsyncPath, Rules.SyncOverAsync);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = WellKnownTypes.GetOrCreate(context.Compilation);
        if (types.Task is null)
        {
            return; // no tasks, no async paths: this compilation pays nothing more for the family
        }

        var analysis = new Analysis(types, AsyncPath.Create(types, context.Options));
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.OnPropertyReference, OperationKind.PropertyReference);
    }

    // One instance per compilation; its methods are the callbacks, so nothing is allocated per node.
    private sealed class Analysis(WellKnownTypes types, AsyncPath asyncPath)
    {
        private static readonly ImmutableDictionary<string, string?> s_fixAwait =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixAwait);
        private static readonly ImmutableDictionary<string, string?> s_fixWhenAll =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixWhenAll);
        private static readonly ImmutableDictionary<string, string?> s_fixWhenAny =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixWhenAny);

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;

            // Cheapest test first: the name rejects almost every call in the program.
            switch (method.Name)
            {
                case "Sleep":
                    if (WellKnownTypes.Is(method.ContainingType, types.Thread) && !IsZeroDelay(invocation))
                    {
                        ReportSleep(context, invocation, "Thread.Sleep");
                    }

                    break;
                case "SpinUntil":
                    if (WellKnownTypes.Is(method.ContainingType, types.SpinWait) && method.Parameters.Length == 2)
                    {
                        ReportSleep(context, invocation, "SpinWait.SpinUntil");
                    }

                    break;
                case "Wait":
                    if (WellKnownTypes.Is(method.ContainingType, types.Task) && !method.IsStatic
                        && !IsZeroDelay(invocation) && invocation.Instance is { } waited
                        && IsOnAsyncPath(invocation, context)
                        && !IsKnownComplete(waited, invocation, context))
                    {
                        // Only the plain Wait() has an awaitable equivalent with the same meaning.
                        Report(context, Rules.SyncOverAsync, invocation.Syntax, ".Wait()",
                            method.Parameters.IsEmpty ? s_fixAwait : null);
                    }

                    break;
                case "WaitAll":
                case "WaitAny":
                    if (WellKnownTypes.Is(method.ContainingType, types.Task) && method.IsStatic
                        && IsOnAsyncPath(invocation, context))
                    {
                        Report(context, Rules.SyncOverAsync, invocation.Syntax, "Task." + method.Name,
                            WhenAllFix(invocation, method));
                    }

                    break;
                case "GetResult":
                    if (types.IsTaskAwaiter(method.ContainingType)
                        && invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaited }
                        && IsOnAsyncPath(invocation, context)
                        && !IsKnownComplete(StripConfigureAwait(awaited), invocation, context))
                    {
                        Report(context, Rules.SyncOverAsync, invocation.Syntax, ".GetAwaiter().GetResult()", s_fixAwait);
                    }

                    break;
            }
        }

        public void OnPropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            var property = reference.Property;
            if (property.Name != "Result"
                || !(WellKnownTypes.Is(property.ContainingType, types.TaskOfT) || WellKnownTypes.Is(property.ContainingType, types.ValueTaskOfT))
                || reference.Instance is not { } task
                || IsInNameOf(reference)
                || !IsOnAsyncPath(reference, context)
                || IsKnownComplete(task, reference, context))
            {
                return;
            }

            Report(context, Rules.SyncOverAsync, reference.Syntax, ".Result", s_fixAwait);
        }

        private bool IsOnAsyncPath(IOperation operation, OperationAnalysisContext context)
            => asyncPath.IsOnAsyncPath(operation, context.ContainingSymbol);

        private static bool IsKnownComplete(IOperation task, IOperation use, OperationAnalysisContext context)
            => task.Syntax is ExpressionSyntax taskSyntax
               && task.SemanticModel is { } model
               && TaskCompletion.IsKnownComplete(taskSyntax, use.Syntax, model, context.CancellationToken);

        private static IOperation StripConfigureAwait(IOperation awaited)
            => awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task } ? task : awaited;

        private void ReportSleep(OperationAnalysisContext context, IInvocationOperation invocation, string api)
        {
            var kind = asyncPath.Classify(invocation, context.ContainingSymbol, includeThreadPool: true);
            if (kind == AsyncPathKind.None)
            {
                return;
            }

            var where = kind switch
            {
                AsyncPathKind.Async => "an async path",
                AsyncPathKind.HotPath => "a hot path",
                _ => "a thread-pool thread",
            };

            ImmutableDictionary<string, string?>? properties = null;
            if (api == "Thread.Sleep")
            {
                properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixTaskDelay);
                if (CancellationTokens.FindSingleInScope(invocation, types) is { } token)
                {
                    properties = properties.Add(CancellationTokenProperty, token);
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rules.ThreadSleepOnAsyncPath, invocation.Syntax.GetLocation(), properties, api, where));
        }

        private static void Report(OperationAnalysisContext context, DiagnosticDescriptor rule, SyntaxNode syntax, string api,
            ImmutableDictionary<string, string?>? properties)
            => context.ReportDiagnostic(Diagnostic.Create(rule, syntax.GetLocation(), properties, api));

        // WaitAll/WaitAny over a task list and nothing else map onto WhenAll/WhenAny; the overloads
        // with a timeout or a token return or behave differently and get no fix. WaitAny's int result
        // has no awaitable equivalent, so only a discarded WaitAny is rewritten.
        private static ImmutableDictionary<string, string?>? WhenAllFix(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (method.Parameters.Length != 1)
            {
                return null;
            }

            if (method.Name == "WaitAll")
            {
                return s_fixWhenAll;
            }

            return invocation.Parent is IExpressionStatementOperation ? s_fixWhenAny : null;
        }

        // Thread.Sleep(0) yields the rest of a time slice, and Wait(0) / Wait(TimeSpan.Zero) is a
        // non-blocking check: neither parks the thread for a delay.
        private static bool IsZeroDelay(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                if (value.ConstantValue is { HasValue: true, Value: int milliseconds })
                {
                    return milliseconds == 0;
                }

                if (value is IFieldReferenceOperation { Field.Name: "Zero", Field.ContainingType.Name: "TimeSpan" })
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInNameOf(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is INameOfOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
