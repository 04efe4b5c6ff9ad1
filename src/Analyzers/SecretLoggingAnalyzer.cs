using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY304: a value with a secret-like name, or a string built from one, passed to a logger, the
/// console, Debug/Trace output or an exception's constructor.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLoggingAnalyzer : DiagnosticAnalyzer
{
    private const string Log = "a log";
    private const string Console = "the console";
    private const string DebugTrace = "a debug trace";
    private const string ExceptionMessage = "an exception message";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.SecretInLog);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var analysis = new Analysis(WellKnownTypes.GetOrCreate(context.Compilation), ReadinessOptions.Cache.For(context.Options));
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.OnObjectCreation, OperationKind.ObjectCreation);
    }

    private sealed class Analysis(WellKnownTypes types, ReadinessOptions.Cache optionsCache)
    {
        private const int MaxLocalDepth = 2;

        private static readonly ImmutableHashSet<string> s_levelMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Log", "Trace", "Debug", "Info", "Information", "Warn", "Warning", "Error", "Fatal", "Critical", "Verbose",
            "Write", "Notice", "Alert", "Emergency", "BeginScope");

        private static readonly ImmutableHashSet<string> s_loggerTypeWords = ImmutableHashSet.Create(
            StringComparer.Ordinal, "log", "logger", "logging", "logs");

        // String transformations that keep the whole secret.
        private static readonly ImmutableHashSet<string> s_preservingMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "ToString", "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToLower", "ToUpperInvariant",
            "ToLowerInvariant", "Normalize", "PadLeft", "PadRight", "ToCharArray", "AsSpan", "AsMemory");

        [MethodImpl(JitOptions.Optimized)]
        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.Arguments.IsEmpty || ClassifySink(invocation) is not { } sink)
            {
                return;
            }

            CheckArguments(context, invocation.Arguments, sink);
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Arguments.IsEmpty || !WellKnownTypes.IsOrDerivesFrom(creation.Type, types.Exception))
            {
                return;
            }

            CheckArguments(context, creation.Arguments, ExceptionMessage);
        }

        [MethodImpl(JitOptions.Optimized)]
        private void CheckArguments(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, string sink)
        {
            var secretWords = optionsCache.Get(context.Operation.Syntax.SyntaxTree).SecretWords;
            foreach (var argument in arguments)
            {
                if (FindSecret(argument.Value, secretWords, depth: 0, out var location) is { } name)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.SecretInLog, location!.Syntax.GetLocation(), name, sink));
                    return; // one report per call
                }
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        private string? ClassifySink(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            var type = method.ContainingType;

            if (name.StartsWith("Write", StringComparison.Ordinal))
            {
                if (WellKnownTypes.Is(type, types.Console)
                    || invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } writer
                       && WellKnownTypes.Is(writer.Property.ContainingType, types.Console))
                {
                    return Console;
                }
            }

            if (WellKnownTypes.Is(type, types.Debug) || WellKnownTypes.Is(type, types.Trace))
            {
                return name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("Trace", StringComparison.Ordinal)
                       || name is "Print" or "Fail"
                    ? DebugTrace
                    : null;
            }

            if (WellKnownTypes.Is(type, types.TraceSource))
            {
                return name.StartsWith("Trace", StringComparison.Ordinal) ? Log : null;
            }

            if (IsLoggingMethod(method) || IsLoggerMessageDelegate(invocation))
            {
                return Log;
            }

            return null;
        }

        // ILogger's Log*/BeginScope (and the LoggerExtensions), [LoggerMessage] methods, and by name the
        // level methods of other loggers (Serilog's Log.Information, NLog's Logger.Info, log4net's ILog.Warn).
        [MethodImpl(JitOptions.Optimized)]
        private bool IsLoggingMethod(IMethodSymbol method)
        {
            var name = method.Name;
            var type = method.ContainingType;
            if (WellKnownTypes.Is(type, types.LoggerExtensions) || WellKnownTypes.Is(type, types.ILogger))
            {
                return name.StartsWith("Log", StringComparison.Ordinal) || name == "BeginScope";
            }

            // Cheapest first: almost every call fails both name tests and allocates nothing.
            if (name.StartsWith("Log", StringComparison.Ordinal))
            {
                var words = Names.SplitWords(name);
                if (words.Length > 0 && words[0] == "log"
                    && !(words.Length > 1 && words[1] is "on" or "in" or "off" or "out"))
                {
                    return true; // Log, LogError, LogOrderSent; not Login, LogOn, LogIn, LogOut
                }
            }

            if (!s_levelMethods.Contains(name))
            {
                // [LoggerMessage] methods are partial, whatever their name.
                if (method.PartialImplementationPart is not null || method.PartialDefinitionPart is not null)
                {
                    foreach (var attribute in method.GetAttributes())
                    {
                        if (attribute.AttributeClass?.Name is "LoggerMessageAttribute" or "LoggerMessage")
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            foreach (var word in Names.SplitWords(type.Name))
            {
                if (s_loggerTypeWords.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }

        // LoggerMessage.Define's Action<ILogger, …> called like a method.
        private bool IsLoggerMessageDelegate(IInvocationOperation invocation)
            => invocation.TargetMethod is { Name: "Invoke", ContainingType.TypeKind: TypeKind.Delegate, Parameters.Length: > 0 } invoke
               && WellKnownTypes.Is(invoke.Parameters[0].Type, types.ILogger);

        // The name of the secret-like symbol whose value reaches `value`, with the operation to report.
        [MethodImpl(JitOptions.Optimized)]
        private string? FindSecret(IOperation? value, ImmutableArray<ImmutableArray<string>> secretWords, int depth, out IOperation? location)
        {
            location = value;
            switch (value)
            {
                case null:
                    return null;
                case IConversionOperation conversion:
                    return FindSecret(conversion.Operand, secretWords, depth, out location);
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        if (FindSecret(element, secretWords, depth, out location) is { } inArray)
                        {
                            return inArray;
                        }
                    }

                    return null;
                case IFieldReferenceOperation field:
                    return IsSecretSymbol(field.Field, field.Type, secretWords) ? field.Field.Name : null;
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    return IsSecretSymbol(property.Property, property.Type, secretWords) ? property.Property.Name : null;
                case IPropertyReferenceOperation { Arguments.Length: 1 } indexer:
                    // configuration["Binance:ApiSecret"]
                    return IsStringLike(indexer.Type) ? SecretKey(indexer.Arguments[0].Value, secretWords) : null;
                case IParameterReferenceOperation parameter:
                    return IsSecretSymbol(parameter.Parameter, parameter.Type, secretWords) ? parameter.Parameter.Name : null;
                case ILocalReferenceOperation local:
                    if (IsSecretSymbol(local.Local, local.Type, secretWords))
                    {
                        return local.Local.Name;
                    }

                    return depth < MaxLocalDepth && IsStringLike(local.Type)
                        ? FindSecretInLocal(local, secretWords, depth)
                        : null;
                case IInterpolatedStringHandlerCreationOperation handler:
                    return FindSecret(handler.Content, secretWords, depth, out location);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        var inner = part switch
                        {
                            IInterpolationOperation interpolation => interpolation.Expression,
                            IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.IsEmpty: false } append } => append.Arguments[0].Value,
                            _ => null,
                        };
                        if (FindSecret(inner, secretWords, depth, out location) is { } inPart)
                        {
                            return inPart;
                        }
                    }

                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return FindSecret(binary.LeftOperand, secretWords, depth, out location)
                           ?? FindSecret(binary.RightOperand, secretWords, depth, out location);
                case IConditionalOperation conditional:
                    return FindSecret(conditional.WhenTrue, secretWords, depth, out location)
                           ?? FindSecret(conditional.WhenFalse, secretWords, depth, out location);
                case ICoalesceOperation coalesce:
                    return FindSecret(coalesce.Value, secretWords, depth, out location)
                           ?? FindSecret(coalesce.WhenNull, secretWords, depth, out location);
                case IInvocationOperation invocation:
                    return FindSecretInCall(invocation, secretWords, depth, out location);
                default:
                    return null;
            }
        }

        // string.Format / Concat / Join pass their arguments through, and so do ToString, Trim, ToUpper…
        // A Mask*/Redact* method (or any other call, Substring included) returns something else.
        private string? FindSecretInCall(IInvocationOperation invocation, ImmutableArray<ImmutableArray<string>> secretWords, int depth, out IOperation? location)
        {
            location = invocation;
            var method = invocation.TargetMethod;
            if (method.ContainingType?.SpecialType == SpecialType.System_String
                && method.IsStatic && method.Name is "Format" or "Concat" or "Join")
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (FindSecret(argument.Value, secretWords, depth, out location) is { } inArgument)
                    {
                        return inArgument;
                    }
                }

                return null;
            }

            // Environment.GetEnvironmentVariable("API_SECRET"), configuration.GetValue<string>("Binance:ApiSecret")
            if (method.Name is "GetEnvironmentVariable" or "GetValue" && IsStringLike(method.ReturnType)
                && !invocation.Arguments.IsEmpty)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                    {
                        return SecretKey(argument.Value, secretWords);
                    }
                }
            }

            return s_preservingMethods.Contains(method.Name) && invocation.Instance is { } instance
                ? FindSecret(instance, secretWords, depth, out location)
                : null;
        }

        private static string? SecretKey(IOperation key, ImmutableArray<ImmutableArray<string>> secretWords)
            => key.ConstantValue is { HasValue: true, Value: string name } && Names.IsSecretLike(name, secretWords) ? name : null;

        // `var message = $"key={apiKey}"; logger.LogInformation(message);`: every value written to the local
        // in its method is examined (two levels of locals at most).
        private string? FindSecretInLocal(ILocalReferenceOperation reference, ImmutableArray<ImmutableArray<string>> secretWords, int depth)
        {
            var root = (IOperation)reference;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                var written = operation switch
                {
                    IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local)
                        => declarator.Initializer?.Value,
                    IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local) => assignment.Value,
                    _ => null,
                };
                if (written is not null && FindSecret(written, secretWords, depth + 1, out _) is { } name)
                {
                    return name;
                }
            }

            return null;
        }

        private static bool IsSecretSymbol(ISymbol symbol, ITypeSymbol? type, ImmutableArray<ImmutableArray<string>> secretWords)
        {
            if (!IsStringLike(type))
            {
                return false;
            }

            var match = Names.MatchSecret(symbol.Name, secretWords);
            if (match == SecretMatch.None)
            {
                return false;
            }

            // `const string ApiSecretKey = "BINANCE_API_SECRET"` names the setting; logging it is fine.
            var constant = symbol switch
            {
                IFieldSymbol { HasConstantValue: true } field => field.ConstantValue,
                ILocalSymbol { HasConstantValue: true } local => local.ConstantValue,
                _ => null,
            };
            return constant is not string text || SecretLiterals.IsCredentialValue(text, match, secretWords);
        }

        private static bool IsStringLike(ITypeSymbol? type)
            => type is not null
               && (type.SpecialType == SpecialType.System_String
                   || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char }
                   || (type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory", TypeArguments.Length: 1 } span
                       && span.TypeArguments[0].SpecialType == SpecialType.System_Char));
    }
}
