using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY301: string literals that are secrets — by the name they are given (a secret-like field, property,
/// local or parameter), by their shape (a private key, an AWS key id, a JWT) wherever they stand, or as a
/// credential inside a query string, connection string, URL or JSON literal. Messages carry the
/// symbol's name and the literal's length, never any of its text.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedSecretAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the environment variable the fix reads (derived from the symbol's name).</summary>
    public const string EnvironmentVariableProperty = "EnvironmentVariable";

    /// <summary>Diagnostic property: the literal initializes a <c>const</c>, which the fix must turn into a variable.</summary>
    public const string ConstProperty = "Const";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.HardcodedSecret);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = WellKnownTypes.GetOrCreate(context.Compilation);
        var analysis = new Analysis(
            types,
            ReadinessOptions.Cache.For(context.Options),
            TestProject.IsTestProject(context.Compilation, types, context.Options));
        context.RegisterOperationAction(analysis.OnLiteral, OperationKind.Literal);
        context.RegisterOperationAction(analysis.OnFunction, OperationKind.LocalFunction, OperationKind.AnonymousFunction);
    }

    private enum TargetKind
    {
        None,
        Local,
        Field,
        Property,
        Parameter,
        ParameterDefault,
        Key,
        Getter,
    }

    private sealed class Analysis(WellKnownTypes types, ReadinessOptions.Cache optionsCache, bool isTestProject)
    {
        // Names of 32-byte values that are hashes, not keys: event topics, transaction and block hashes,
        // init-code hashes, storage slots, selectors.
        private static readonly ImmutableHashSet<string> s_hashWords = ImmutableHashSet.Create(
            System.StringComparer.Ordinal,
            "hash", "hashes", "topic", "topics", "tx", "txn", "txid", "transaction", "block", "slot", "selector",
            "signature", "sig", "root", "salt", "digest", "id", "code", "event", "storage", "commitment", "nonce");

        // Parameters that name the value passed next to them: Add(key, value), Headers.Add(name, value),
        // Environment.SetEnvironmentVariable(variable, value).
        private static readonly ImmutableHashSet<string> s_keyParameterNames = ImmutableHashSet.Create(
            System.StringComparer.OrdinalIgnoreCase, "key", "name", "variable", "header", "headerName", "field", "fieldName", "parameterName");

        [MethodImpl(JitOptions.Optimized)]
        public void OnLiteral(OperationAnalysisContext context)
        {
            var literal = (ILiteralOperation)context.Operation;
            if (StringLiterals.TextOf(literal) is not { Length: > 0 } text
                || (literal.IsImplicit && literal.Parent is not IInterpolatedStringTextOperation))
            {
                return; // an implicit default parameter value at a call site is reported where it is declared
            }

            var options = optionsCache.Get(literal.Syntax.SyntaxTree);
            if (isTestProject && !options.SecretsInTests)
            {
                return;
            }

            var root = ValueRoot(literal);
            if (root != literal)
            {
                // A constant concatenation is judged once, as a whole, from its first literal.
                if (!IsFirstLiteral(literal, root) || root.ConstantValue is not { HasValue: true, Value: string whole })
                {
                    return;
                }

                text = whole;
            }

            var target = FindTarget(root, context.ContainingSymbol, options.SecretWords, out var name, out var isDirect, out var symbol);
            var found = Judge(text, name, options.SecretWords, root);
            if (found is { } reportedName)
            {
                Report(context, root, reportedName, text.Length, reportedName == name ? target : TargetKind.None, isDirect, symbol);
            }
        }

        // The compiler builds no operations for the default values of local-function and lambda
        // parameters, so those are read from the symbol.
        [MethodImpl(JitOptions.Optimized)]
        public void OnFunction(OperationAnalysisContext context)
        {
            var method = context.Operation switch
            {
                ILocalFunctionOperation local => local.Symbol,
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                _ => null,
            };
            if (method is null)
            {
                return;
            }

            foreach (var parameter in method.Parameters)
            {
                if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is not string text || text.Length == 0
                    || parameter.DeclaringSyntaxReferences.Length != 1
                    || parameter.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is not ParameterSyntax { Default.Value: { } value })
                {
                    continue;
                }

                var options = optionsCache.Get(value.SyntaxTree);
                if ((isTestProject && !options.SecretsInTests) || Judge(text, parameter.Name, options.SecretWords, root: null) is not { } name)
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(Rules.HardcodedSecret, value.GetLocation(), name, text.Length));
            }
        }

        // The name to report when the text is a secret: the symbol's for a secret-like name or a key
        // shape given to a symbol, otherwise what was found. Null when it is not a secret.
        [MethodImpl(JitOptions.Optimized)]
        private static string? Judge(string text, string? name, ImmutableArray<ImmutableArray<string>> secretWords, IOperation? root)
        {
            if (name is not null)
            {
                var match = Names.MatchSecret(name, secretWords);
                if ((match != SecretMatch.None && SecretLiterals.IsCredentialValue(text, match, secretWords))
                    || (match == SecretMatch.None && Names.IsKeyLike(name) && SecretLiterals.IsHighEntropyToken(text.Trim())))
                {
                    return name;
                }
            }

            var shape = SecretLiterals.FindShape(text);
            if (shape != SecretShape.None
                && !(shape == SecretShape.HexPrivateKey && IsHashContext(root, name)))
            {
                return name ?? Describe(shape);
            }

            var embedded = SecretLiterals.FindEmbeddedCredential(text, secretWords);
            return embedded == EmbeddedCredential.None ? null : Describe(embedded);
        }

        private void Report(OperationAnalysisContext context, IOperation root, string name, int length,
            TargetKind target, bool isDirect, ISymbol? symbol)
        {
            ImmutableDictionary<string, string?>? properties = null;
            if (isDirect && IsFixable(root, target, symbol))
            {
                properties = ImmutableDictionary<string, string?>.Empty
                    .Add(EnvironmentVariableProperty, Names.ToEnvironmentVariableName(name));
                if (symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true })
                {
                    properties = properties.Add(ConstProperty, "true");
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rules.HardcodedSecret, root.Syntax.GetLocation(), properties, name, length));
        }

        // `Environment.GetEnvironmentVariable(…) ?? throw …` can stand where a string value stands, but
        // not in an attribute argument, a default parameter value or an expression tree.
        private bool IsFixable(IOperation root, TargetKind target, ISymbol? symbol)
        {
            if (target is TargetKind.None or TargetKind.ParameterDefault
                || root.Type?.SpecialType != SpecialType.System_String
                || types.Environment is null
                || root.Syntax.FirstAncestorOrSelf<AttributeArgumentSyntax>() is not null)
            {
                return false;
            }

            if (symbol is IFieldSymbol { IsConst: true } field
                && field.DeclaringSyntaxReferences.Length == 1
                && field.DeclaringSyntaxReferences[0].GetSyntax().Parent is VariableDeclarationSyntax { Variables.Count: > 1 })
            {
                return false; // `const string A = "…", B = "…";` shares one modifier list
            }

            for (var current = root.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda)
                {
                    var converted = lambda.Parent?.Type;
                    if (converted is not null && WellKnownTypes.Is(converted, types.ExpressionOfT))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        [MethodImpl(JitOptions.Optimized)]
        private static IOperation ValueRoot(IOperation literal)
        {
            var current = literal;
            while (true)
            {
                var parent = current.Parent;
                if (parent is IInterpolatedStringTextOperation { Parent: IInterpolatedStringOperation interpolated }
                    && interpolated.ConstantValue.HasValue)
                {
                    current = interpolated;
                }
                else if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary
                         && binary.ConstantValue is { HasValue: true, Value: string })
                {
                    current = binary;
                }
                else
                {
                    return current;
                }
            }
        }

        private static bool IsFirstLiteral(IOperation literal, IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is ILiteralOperation)
                {
                    return operation == literal;
                }
            }

            return false;
        }

        // What the value is given to: a local, field, property, parameter, argument, dictionary key or getter.
        [MethodImpl(JitOptions.Optimized)]
        private static TargetKind FindTarget(IOperation root, ISymbol containingSymbol, ImmutableArray<ImmutableArray<string>> secretWords, out string? name, out bool isDirect, out ISymbol? symbol)
        {
            name = null;
            symbol = null;
            isDirect = true;
            var value = root;
            var parent = SkipImplicitConversions(ref value);
            while (true)
            {
                if (parent is IConditionalOperation conditional && conditional.Condition != value)
                {
                    isDirect = false; // `isTest ? "…" : Env(…)`: reported, not rewritten
                }
                else if (parent is ICoalesceOperation coalesce && coalesce.WhenNull == value)
                {
                    isDirect = false; // `Env(…) ?? "…"`: a hardcoded fallback
                }
                else if (parent is ISwitchExpressionArmOperation or ISwitchExpressionOperation
                         or IArrayInitializerOperation or IArrayCreationOperation)
                {
                    isDirect = false;
                }
                else if (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "GetBytes" or "FromBase64String" or "FromHexString" } decode })
                {
                    // `SigningKey = Encoding.UTF8.GetBytes("…")`, `new HMACSHA256(Convert.FromBase64String("…"))`
                    isDirect = false;
                    value = decode;
                    parent = SkipImplicitConversions(ref value);
                    continue;
                }
                else
                {
                    break;
                }

                value = parent!;
                parent = SkipImplicitConversions(ref value);
            }

            switch (parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    symbol = declarator.Symbol;
                    name = declarator.Symbol.Name;
                    return TargetKind.Local;
                case IFieldInitializerOperation { InitializedFields.Length: > 0 } field:
                    symbol = field.InitializedFields[0];
                    name = symbol.Name;
                    return TargetKind.Field;
                case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property:
                    symbol = property.InitializedProperties[0];
                    name = symbol.Name;
                    return TargetKind.Property;
                case IParameterInitializerOperation parameter:
                    symbol = parameter.Parameter;
                    name = parameter.Parameter.Name;
                    return TargetKind.ParameterDefault;
                case ISimpleAssignmentOperation assignment when assignment.Value == value:
                    return FromAssignmentTarget(assignment.Target, out name, out symbol);
                case IArgumentOperation { Parameter: { } parameter } argument:
                    return FromArgument(argument, parameter, secretWords, out name, out symbol);
                case IReturnOperation returned:
                    return FromReturn(returned, containingSymbol, out name, out symbol);
                default:
                    return TargetKind.None;
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        private static IOperation? SkipImplicitConversions(ref IOperation value)
        {
            var parent = value.Parent;
            while (parent is IConversionOperation { IsImplicit: true })
            {
                value = parent;
                parent = parent.Parent;
            }

            return parent;
        }

        private static TargetKind FromAssignmentTarget(IOperation target, out string? name, out ISymbol? symbol)
        {
            name = null;
            symbol = null;
            switch (target)
            {
                case IFieldReferenceOperation field:
                    symbol = field.Field;
                    name = symbol.Name;
                    return TargetKind.Field;
                case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                    symbol = property.Property;
                    name = symbol.Name;
                    return TargetKind.Property;
                case IPropertyReferenceOperation { Arguments.Length: > 0 } indexer
                    when indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }:
                    name = key; // settings["Binance:ApiSecret"] = "…"
                    return TargetKind.Key;
                case ILocalReferenceOperation local:
                    symbol = local.Local;
                    name = symbol.Name;
                    return TargetKind.Local;
                case IParameterReferenceOperation parameter:
                    symbol = parameter.Parameter;
                    name = symbol.Name;
                    return TargetKind.Parameter;
                case IDynamicMemberReferenceOperation dynamic:
                    name = dynamic.MemberName;
                    return TargetKind.Property;
                default:
                    return TargetKind.None;
            }
        }

        // `headers.Add("X-MBX-APIKEY", "…")`, `env.Add("API_SECRET", "…")`: a constant first argument names
        // the value that follows it; otherwise the parameter's own name does.
        [MethodImpl(JitOptions.Optimized)]
        private static TargetKind FromArgument(IArgumentOperation argument, IParameterSymbol parameter,
            ImmutableArray<ImmutableArray<string>> secretWords, out string? name, out ISymbol? symbol)
        {
            symbol = parameter;
            name = parameter.Name;
            if (Names.IsSecretLike(parameter.Name, secretWords))
            {
                return TargetKind.Parameter; // new ApiCredentials(key: "…", secret: "…")
            }

            var arguments = argument.Parent switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            if (parameter.Ordinal > 0 && arguments.Length > 1)
            {
                foreach (var other in arguments)
                {
                    if (other.Parameter is { Ordinal: 0 } keyParameter && other != argument
                        && s_keyParameterNames.Contains(keyParameter.Name)
                        && other.Value.ConstantValue is { HasValue: true, Value: string key } && key.Length > 0)
                    {
                        name = key;
                        symbol = null;
                        return TargetKind.Key;
                    }
                }
            }

            return TargetKind.Parameter;
        }

        private static TargetKind FromReturn(IReturnOperation returned, ISymbol containingSymbol, out string? name, out ISymbol? symbol)
        {
            name = null;
            symbol = null;
            for (var current = returned.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return TargetKind.None;
                }

                if (current is IMethodBodyBaseOperation or IBlockOperation { Parent: null })
                {
                    break;
                }
            }

            if (containingSymbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property })
            {
                symbol = property;
                name = property.Name;
                return TargetKind.Getter;
            }

            return TargetKind.None;
        }

        private static bool IsHashContext(IOperation? root, string? name)
        {
            if (name is not null)
            {
                foreach (var word in Names.SplitWords(name))
                {
                    if (s_hashWords.Contains(word))
                    {
                        return true;
                    }
                }
            }

            if (root is null)
            {
                return false;
            }

            // A value compared against is a known hash being recognised, not a key being used.
            var value = root;
            var parent = SkipImplicitConversions(ref value);
            return parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }
                or IPatternOperation or ISwitchCaseOperation or ICaseClauseOperation
                || (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Equals" or "StartsWith" or "Contains" } });
        }

        private static string Describe(SecretShape shape) => shape switch
        {
            SecretShape.PemPrivateKey => "PEM private key",
            SecretShape.HexPrivateKey => "hex private key",
            SecretShape.AwsAccessKeyId => "AWS access key id",
            _ => "JSON web token",
        };

        private static string Describe(EmbeddedCredential embedded) => embedded switch
        {
            EmbeddedCredential.QueryString => "query-string credential",
            EmbeddedCredential.ConnectionString => "connection-string credential",
            EmbeddedCredential.Url => "URL credential",
            _ => "JSON credential",
        };
    }
}
