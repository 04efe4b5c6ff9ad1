using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// Configuration written into string literals. RDY203 (hardcoded exchange endpoint) and RDY204
/// (clear-text transport to a non-loopback host) on absolute <c>http(s)://</c> and <c>ws(s)://</c>
/// string literals and interpolated strings. RDY301: string literals that are secrets — by the name
/// they are given (a secret-like field, property, local or parameter), by their shape (a private key,
/// an AWS key id, a JWT) wherever they stand, or as a credential inside a query string, connection
/// string, URL or JSON literal; messages carry the symbol's name and the literal's length, never any
/// of its text. One family because both read every string literal.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedConfigurationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property (RDY203): how the fix may rewrite the literal.</summary>
    public const string EndpointFixProperty = "Fix";

    /// <summary>Diagnostic property (RDY203): the environment variable the fix reads.</summary>
    public const string EndpointVariableProperty = "Variable";

    /// <summary>Diagnostic property (RDY203): present when only <c>scheme://authority</c> is read from the
    /// environment and the rest of the URL is appended to it.</summary>
    public const string EndpointSplitProperty = "Split";

    /// <summary>Wrap the literal: <c>Environment.GetEnvironmentVariable("NAME") ?? "literal"</c>.</summary>
    public const string EndpointFixWrap = "Wrap";

    /// <summary>As <see cref="EndpointFixWrap"/>, on the initializer of a <c>const</c>, which stops being one.</summary>
    public const string EndpointFixConst = "Const";

    /// <summary>Diagnostic property (RDY301): the environment variable the fix reads (derived from the symbol's name).</summary>
    public const string SecretVariableProperty = "EnvironmentVariable";

    /// <summary>Diagnostic property (RDY301): the literal initializes a <c>const</c>, which the fix must turn into a variable.</summary>
    public const string SecretConstProperty = "Const";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.HardcodedEndpoint, Rules.ClearTextTransport, Rules.HardcodedSecret);

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
        var isTestProject = TestProject.IsTestProject(compilation, types, context.Options);
        SecretAnalysis? secrets = null;
        if (RuleSwitch.IsOn(compilation, Rules.HardcodedSecret, context.CancellationToken))
        {
            secrets = new SecretAnalysis(types, ReadinessOptions.Cache.For(context.Options), isTestProject);
            context.RegisterOperationAction(secrets.OnFunction, OperationKind.LocalFunction, OperationKind.AnonymousFunction);
        }

        // Test fixtures point at fake hosts on purpose.
        EndpointAnalysis? endpoints = null;
        if (!isTestProject && RuleSwitch.IsOn(compilation, Rules.HardcodedEndpoint, Rules.ClearTextTransport, context.CancellationToken))
        {
            endpoints = new EndpointAnalysis(types);
            context.RegisterOperationAction(endpoints.OnInterpolatedString, OperationKind.InterpolatedString);
        }

        // Both parts read every literal: one callback serves both, because the driver's call into a
        // callback costs as much as most of these callbacks' own work on a literal that is no URL and no secret.
        Action<OperationAnalysisContext>? onLiteral = (secrets, endpoints) switch
        {
            ({ } secret, { } endpoint) => new BothParts(secret, endpoint).OnLiteral,
            ({ } secret, null) => secret.OnLiteral,
            (null, { } endpoint) => endpoint.OnLiteral,
            _ => null,
        };
        if (onLiteral is not null)
        {
            context.RegisterOperationAction(onLiteral, OperationKind.Literal);
        }
    }

    private sealed class BothParts(SecretAnalysis secrets, EndpointAnalysis endpoints)
    {
        [MethodImpl(JitOptions.Optimized)]
        public void OnLiteral(OperationAnalysisContext context)
        {
            endpoints.OnLiteral(context);
            secrets.OnLiteral(context);
        }
    }

    // RDY203, RDY204.
    private enum DestinationKind
    {
        /// <summary>Nothing we can name: an expression statement, a lambda's result, an operator.</summary>
        Unknown,

        /// <summary>Passed as an argument; <see cref="Destination.Symbol"/> is the parameter.</summary>
        Parameter,

        /// <summary>Stored in a field, property, local or parameter, or returned from a member.</summary>
        Symbol,

        /// <summary>Compared or combined as text (<c>==</c>, <c>case</c>, appended to another string): not a connection.</summary>
        NotAnEndpoint,
    }

    private readonly struct Destination(DestinationKind kind, ISymbol? symbol, bool isFallback, bool isUri, bool isOneOfSeveral)
    {
        public DestinationKind Kind { get; } = kind;

        public ISymbol? Symbol { get; } = symbol;

        /// <summary>The literal is the right-hand side of <c>??</c>: a default behind configuration.</summary>
        public bool IsFallback { get; } = isFallback;

        /// <summary>The literal goes through <c>new Uri(…)</c> on its way.</summary>
        public bool IsUri { get; } = isUri;

        /// <summary>The literal is one of several values the symbol can hold (a conditional, a switch
        /// arm, an array or collection element): the symbol's name does not single it out.</summary>
        public bool IsOneOfSeveral { get; } = isOneOfSeveral;
    }

    // One instance per compilation; its methods are the callbacks, so nothing is allocated per node.
    private sealed class EndpointAnalysis(WellKnownTypes types)
    {
        // A symbol or parameter whose name has one of these words holds an endpoint (RULES.md: *Url*,
        // *Endpoint*, *Host*; also Uri and Address: BaseAddress, requestUri, uriString, GrpcChannel.ForAddress).
        private static readonly ImmutableHashSet<string> s_endpointWords = ImmutableHashSet.Create(
            StringComparer.Ordinal, "url", "uri", "endpoint", "host", "hostname", "address");

        // Names that say the URL is not a server the engine connects to: XML namespaces and schemas, proxies,
        // CORS origins and referrers, and links for people (documentation, licences, images).
        private static readonly ImmutableHashSet<string> s_notEndpointWords = ImmutableHashSet.Create(
            StringComparer.Ordinal, "namespace", "ns", "xmlns", "schema", "proxy", "origin", "referer", "referrer",
            "help", "doc", "docs", "documentation", "license", "licence", "terms", "privacy", "icon", "logo", "image",
            "avatar", "homepage", "website", "repository", "repo", "wiki", "support", "changelog", "feedback", "contact");

        // Words that say nothing about which endpoint it is: a variable called only `url` or `BaseUrl`
        // is named after its host instead.
        private static readonly ImmutableHashSet<string> s_genericWords = ImmutableHashSet.Create(
            StringComparer.Ordinal, "url", "urls", "uri", "uris", "endpoint", "endpoints", "host", "hostname", "address",
            "base", "api", "default", "server", "remote", "ws", "wss", "http", "https", "value", "string", "s", "m");

        [MethodImpl(JitOptions.Optimized)]
        public void OnLiteral(OperationAnalysisContext context)
        {
            var literal = (ILiteralOperation)context.Operation;
            if (StringLiterals.TextOf(literal) is not { } text
                || !AbsoluteUrl.MayStartWithScheme(text)
                || literal.Syntax is not LiteralExpressionSyntax syntax
                || !AbsoluteUrl.TryParse(text, requireTerminator: false, out var url))
            {
                return;
            }

            Analyze(context, literal, syntax, url, text, isInterpolated: false);
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnInterpolatedString(OperationAnalysisContext context)
        {
            var interpolated = (IInterpolatedStringOperation)context.Operation;
            if (interpolated.Parts.IsEmpty
                || interpolated.Parts[0] is not IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } }
                || !AbsoluteUrl.MayStartWithScheme(text)
                || interpolated.Syntax is not InterpolatedStringExpressionSyntax syntax
                || !AbsoluteUrl.TryParse(text, requireTerminator: interpolated.Parts.Length > 1, out var url))
            {
                return;
            }

            Analyze(context, interpolated, syntax, url, text, isInterpolated: interpolated.Parts.Length > 1);
        }

        private void Analyze(OperationAnalysisContext context, IOperation operation, ExpressionSyntax syntax, AbsoluteUrl url, string text, bool isInterpolated)
        {
            if (url.IsLoopback || url.IsWildcard || url.IsSchemaHost || IsInAttribute(syntax))
            {
                return;
            }

            var destination = Find(operation, context.CancellationToken);
            if (destination.Kind == DestinationKind.NotAnEndpoint || IsNotEndpointName(destination.Symbol))
            {
                return;
            }

            var location = syntax.GetLocation();
            if (url.IsClearText)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.ClearTextTransport, location, url.Origin, url.SecureScheme + "://"));
            }

            if (!destination.IsFallback && IsEndpoint(destination, url, operation, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.HardcodedEndpoint, location, FixProperties(destination, url, text, syntax, isInterpolated), url.Origin));
            }
        }

        private static bool IsInAttribute(SyntaxNode syntax)
        {
            for (var node = syntax.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case AttributeSyntax:
                        return true;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool IsNotEndpointName(ISymbol? symbol)
        {
            if (symbol is null)
            {
                return false;
            }

            if (Names.ContainsAnyWord(symbol.Name, s_notEndpointWords))
            {
                return true;
            }

            switch (symbol)
            {
                // string.StartsWith("http://…"), Replace(…): text handling; new WebProxy(address),
                // XNamespace.Get(namespaceName), XmlSerializerNamespaces.Add(prefix, ns): not a server we call.
                case IParameterSymbol { ContainingSymbol: IMethodSymbol method }:
                    return method.ContainingType.SpecialType == SpecialType.System_String
                        || Names.ContainsAnyWord(method.ContainingType.Name, s_notEndpointWords)
                        || Names.ContainsAnyWord(method.Name, s_notEndpointWords);

                // OpenApiContact.Url, OpenApiLicense.Url, WebProxy.Address: a member of such a type.
                case IFieldSymbol or IPropertySymbol:
                    return symbol.ContainingType is { } type && Names.ContainsAnyWord(type.Name, s_notEndpointWords);
                default:
                    return false;
            }
        }

        private bool IsEndpoint(Destination destination, AbsoluteUrl url, IOperation operation, CancellationToken cancellationToken)
        {
            if (url.IsWebSocket || destination.IsUri || IsEndpointName(destination.Symbol))
            {
                return true; // ws:// and wss:// only ever name a WebSocket server; a Uri is there to be connected to
            }

            // const string Binance = "https://…"; … new Uri(Binance): the symbol's own uses say what it is.
            return destination.Kind == DestinationKind.Symbol
                && destination.Symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol
                && FlowsToEndpoint(destination.Symbol, operation, cancellationToken);
        }

        private static bool IsEndpointName(ISymbol? symbol)
            => symbol is not null && Names.ContainsAnyWord(symbol.Name, s_endpointWords);

        private bool FlowsToEndpoint(ISymbol symbol, IOperation operation, CancellationToken cancellationToken)
        {
            if (symbol is ILocalSymbol)
            {
                foreach (var descendant in Root(operation).Descendants())
                {
                    if (descendant is ILocalReferenceOperation reference
                        && SymbolEqualityComparer.Default.Equals(reference.Local, symbol)
                        && IsEndpointUse(reference, symbol, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            // Fields and properties: their uses in the same file (a private const and the method that
            // connects to it). A model can only bind nodes of its own tree.
            if (operation.SemanticModel is not { } model)
            {
                return false;
            }

            var root = model.SyntaxTree.GetRoot(cancellationToken);
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken)
                    || token.ValueText != symbol.Name
                    || token.Parent is not IdentifierNameSyntax identifier)
                {
                    continue;
                }

                SyntaxNode node = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                if (model.GetOperation(node, cancellationToken) is IMemberReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Member.OriginalDefinition, symbol.OriginalDefinition)
                    && IsEndpointUse(reference, symbol, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsEndpointUse(IOperation reference, ISymbol symbol, CancellationToken cancellationToken)
        {
            if (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference)
            {
                return false;
            }

            var use = Find(reference, cancellationToken);
            return !SymbolEqualityComparer.Default.Equals(use.Symbol, symbol)
                && use.Kind != DestinationKind.NotAnEndpoint
                && !IsNotEndpointName(use.Symbol)
                && (use.IsUri || IsEndpointName(use.Symbol));
        }

        // Config.Get("venue-url", "https://…"), configuration.GetValue("Venue:Url", "https://…"): the literal
        // is the default of a setting read by its key, the same fallback as `config["Venue:Url"] ?? "https://…"`.
        private static bool IsConfigurationDefault(IArgumentOperation argument)
        {
            if (argument.Parameter is not { } parameter
                || !(parameter.Name.StartsWith("default", StringComparison.OrdinalIgnoreCase)
                     || parameter.Name.StartsWith("fallback", StringComparison.OrdinalIgnoreCase))
                || argument.Parent is not IInvocationOperation invocation)
            {
                return false;
            }

            foreach (var other in invocation.Arguments)
            {
                var key = Conversions.Strip(other.Value);

                // The setting's key: a constant, or a static readonly string (public static readonly string
                // ApiUrlKeyName = "venue-api-url").
                if (other != argument
                    && (key.ConstantValue is { HasValue: true, Value: string }
                        || key is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Type.SpecialType: SpecialType.System_String } }))
                {
                    return true;
                }
            }

            return false;
        }

        // Where the literal's value goes: through conversions, concatenation (as the left operand),
        // conditionals, `??`, switch arms, arrays, collection initializers and `new Uri(…)`, to the
        // parameter, symbol or member that receives it.
        private Destination Find(IOperation start, CancellationToken cancellationToken)
        {
            var current = start;
            var isFallback = false;
            var isUri = false;
            var isOneOfSeveral = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var parent = current.Parent;
                switch (parent)
                {
                    case null:
                        return new Destination(DestinationKind.Unknown, null, isFallback, isUri, isOneOfSeveral);
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case IArrayCreationOperation:
                        current = parent;
                        continue;
                    case IArrayInitializerOperation:
                    case IConditionalOperation conditional when conditional.Condition != current:
                    // A C# 12 collection expression ["wss://…", …]: Roslyn 4.8 gives it no operation kind of
                    // its own (None), later versions do; its syntax is the same in both.
                    case { Syntax: CollectionExpressionSyntax }:
                        isOneOfSeveral = true;
                        current = parent;
                        continue;
                    case ICoalesceOperation coalesce:
                        isFallback |= coalesce.WhenNull == current;
                        current = parent;
                        continue;
                    case ISwitchExpressionArmOperation { Parent: { } switchExpression } arm when arm.Value == current:
                        isOneOfSeveral = true;
                        current = switchExpression;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.LeftOperand == current:
                        current = parent;
                        continue;
                    case IBinaryOperation:
                    case IIsPatternOperation:
                    case IPatternCaseClauseOperation:
                    case ISingleValueCaseClauseOperation:
                    case IConstantPatternOperation:
                        return new Destination(DestinationKind.NotAnEndpoint, null, isFallback, isUri, isOneOfSeveral);
                    case IArgumentOperation { Parent: IInvocationOperation { IsImplicit: true, Parent: IObjectOrCollectionInitializerOperation { Parent: { } collection } } }:
                        isOneOfSeveral = true;
                        current = collection; // new List<string> { "wss://…" }: where the collection goes
                        continue;
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Format" or "Concat" } } format }:
                        current = format; // string.Format("https://…/klines?symbol={0}", s): where the text goes
                        continue;
                    case IArgumentOperation { Parent: IObjectCreationOperation uri } when WellKnownTypes.Is(uri.Type, types.Uri):
                        isUri = true; // new Uri("https://…"): where the Uri goes names the endpoint
                        current = uri;
                        continue;
                    case IArgumentOperation { Parent: IObjectCreationOperation { Type.Name: { } matcher } }
                        when matcher.EndsWith("Filter", StringComparison.Ordinal) || matcher.EndsWith("Matcher", StringComparison.Ordinal):
                        // new HostFilter("wss://stream.venue.com") in a rate-limit rule: matched, not connected to
                        return new Destination(DestinationKind.NotAnEndpoint, null, isFallback, isUri, isOneOfSeveral);
                    case IArgumentOperation argument:
                        isFallback |= IsConfigurationDefault(argument);
                        return new Destination(argument.Parameter is null ? DestinationKind.Unknown : DestinationKind.Parameter, argument.Parameter, isFallback, isUri, isOneOfSeveral);
                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        if (assignment.Target is IPropertyReferenceOperation { Arguments.IsEmpty: false, Instance: IInstanceReferenceOperation }
                            && assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: { } dictionary })
                        {
                            isOneOfSeveral = true;
                            current = dictionary; // new Dictionary<Venue, string> { [Venue.X] = "https://…" }
                            continue;
                        }

                        return new Destination(DestinationKind.Symbol, TargetSymbol(assignment.Target), isFallback, isUri, isOneOfSeveral);
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return new Destination(DestinationKind.Symbol, declarator.Symbol, isFallback, isUri, isOneOfSeveral);
                    case IFieldInitializerOperation { InitializedFields: { IsEmpty: false } fields }:
                        return new Destination(DestinationKind.Symbol, fields[0], isFallback, isUri, isOneOfSeveral);
                    case IPropertyInitializerOperation { InitializedProperties: { IsEmpty: false } properties }:
                        return new Destination(DestinationKind.Symbol, properties[0], isFallback, isUri, isOneOfSeveral);
                    case IParameterInitializerOperation parameterInitializer:
                        return new Destination(DestinationKind.Symbol, parameterInitializer.Parameter, isFallback, isUri, isOneOfSeveral);
                    case IReturnOperation:
                        return new Destination(DestinationKind.Symbol, ReturningMember(parent, cancellationToken), isFallback, isUri, isOneOfSeveral);
                    default:
                        return new Destination(DestinationKind.Unknown, null, isFallback, isUri, isOneOfSeveral);
                }
            }
        }

        private static ISymbol? TargetSymbol(IOperation target) => target switch
        {
            IPropertyReferenceOperation { Arguments.IsEmpty: false, Instance: { } instance } => TargetSymbol(instance), // Urls["x"] = …
            IMemberReferenceOperation member => member.Member,
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IConversionOperation conversion => TargetSymbol(conversion.Operand),
            _ => null,
        };

        // The member a `return` (or an expression body) hands its value to; lambdas are anonymous.
        private static ISymbol? ReturningMember(IOperation returnOperation, CancellationToken cancellationToken)
        {
            for (var current = returnOperation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation:
                        return null;
                    case ILocalFunctionOperation localFunction:
                        return localFunction.Symbol;
                }
            }

            var member = returnOperation.SemanticModel?.GetEnclosingSymbol(returnOperation.Syntax.SpanStart, cancellationToken);
            return member is IMethodSymbol { AssociatedSymbol: { } property } ? property : member;
        }

        // ---- RDY203 fix: what the code fix may do, decided here where the destination is known ----

        private static ImmutableDictionary<string, string?> FixProperties(
            Destination destination, AbsoluteUrl url, string text, ExpressionSyntax syntax, bool isInterpolated)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            var fix = FixKind(destination, syntax);
            if (fix is null)
            {
                return properties;
            }

            var fromSymbol = !isInterpolated && !destination.IsOneOfSeveral
                && destination.Kind == DestinationKind.Symbol && destination.Symbol is { } symbol && IsSpecificName(NameForVariable(symbol));
            var hasPath = url.AuthorityEnd < text.Length && !(url.AuthorityEnd == text.Length - 1 && text[url.AuthorityEnd] == '/');
            var variable = fromSymbol ? VariableFromSymbol(NameForVariable(destination.Symbol!)) : VariableFromHost(url) + "_URL";
            properties = properties.Add(EndpointFixProperty, fix).Add(EndpointVariableProperty, variable);
            return !fromSymbol && hasPath ? properties.Add(EndpointSplitProperty, url.AuthorityEnd.ToString(System.Globalization.CultureInfo.InvariantCulture)) : properties;
        }

        private static string? FixKind(Destination destination, ExpressionSyntax syntax)
        {
            if (destination.Symbol is IParameterSymbol && destination.Kind == DestinationKind.Symbol
                && syntax.FirstAncestorOrSelf<ParameterSyntax>() is not null)
            {
                return null; // an optional parameter's default value must stay a constant
            }

            if (destination.Symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true })
            {
                return EndpointFixConst;
            }

            // Anywhere else a constant is required (a const we are not the initializer of, a case label).
            for (var node = syntax.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    case LocalDeclarationStatementSyntax local when local.IsConst:
                    case CaseSwitchLabelSyntax:
                    case ConstantPatternSyntax:
                        return null;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return EndpointFixWrap;
                }
            }

            return EndpointFixWrap;
        }

        // GetStreamUrl() → StreamUrl: a method's verb is not part of what it returns.
        private static string NameForVariable(ISymbol symbol)
        {
            var name = symbol.Name;
            return symbol is IMethodSymbol && name.Length > 3 && name.StartsWith("Get", StringComparison.Ordinal) && char.IsUpper(name[3])
                ? name.Substring(3)
                : name;
        }

        private static bool IsSpecificName(string name)
        {
            foreach (var word in Names.SplitWords(name))
            {
                if (!s_genericWords.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }

        // RestBaseUrl → REST_BASE_URL; MarketDataUri → MARKET_DATA_URL; VenueHost → VENUE_HOST_URL.
        private static string VariableFromSymbol(string name)
        {
            var variable = Names.ToEnvironmentVariableName(name);
            if (variable.EndsWith("_URI", StringComparison.Ordinal))
            {
                return variable.Substring(0, variable.Length - 4) + "_URL";
            }

            return variable.EndsWith("_URL", StringComparison.Ordinal) || variable == "URL" ? variable : variable + "_URL";
        }

        // api.binance.com → BINANCE_API; stream.exchange.example → EXCHANGE_STREAM; 10.0.0.7 → HOST_10_0_0_7.
        private static string VariableFromHost(AbsoluteUrl url)
        {
            var host = url.Host;
            var labels = host.Split('.');
            if (url.IsIpAddress || labels.Length < 2)
            {
                return Sanitise(url.IsIpAddress ? "host_" + host.Trim('[', ']') : host);
            }

            var last = labels.Length - 1; // the top-level domain
            if (last >= 2 && labels[last].Length == 2 && labels[last - 1] is "co" or "com" or "net" or "org" or "gov" or "ac" or "edu")
            {
                last--; // api.venue.co.uk
            }

            var builder = new StringBuilder();
            Append(builder, labels[last - 1]);
            for (var i = 0; i < last - 1; i++)
            {
                if (labels[i] != "www")
                {
                    Append(builder, labels[i]);
                }
            }

            return Sanitise(builder.ToString());
        }

        private static void Append(StringBuilder builder, string part)
        {
            if (builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(part);
        }

        private static string Sanitise(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                builder.Append(c is >= 'a' and <= 'z' ? char.ToUpperInvariant(c) : (c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_'));
            }

            return builder.Length > 0 && char.IsDigit(builder[0]) ? "HOST_" + builder : builder.ToString();
        }

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

    // RDY301.
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

    private sealed class SecretAnalysis(WellKnownTypes types, ReadinessOptions.Cache optionsCache, bool isTestProject)
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
                    .Add(SecretVariableProperty, Names.ToEnvironmentVariableName(name));
                if (symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true })
                {
                    properties = properties.Add(SecretConstProperty, "true");
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
