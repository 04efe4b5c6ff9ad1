using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers;

internal static class RuleIds
{
    public const string ThreadSleepOnAsyncPath = "RDY101";
    public const string SyncOverAsync = "RDY102";
    public const string BlockingSynchronization = "RDY103";
    public const string SynchronousIO = "RDY104";
    public const string AsyncVoid = "RDY105";
    public const string DroppedTask = "RDY106";
    public const string BlockingCallChain = "RDY107";
    public const string LockOnAsyncPath = "RDY108";
    public const string HttpClientWithoutTimeout = "RDY201";
    public const string HttpClientPerCall = "RDY202";
    public const string HardcodedEndpoint = "RDY203";
    public const string ClearTextTransport = "RDY204";
    public const string HardcodedSecret = "RDY301";
    public const string CertificateValidationDisabled = "RDY302";
    public const string ObsoleteTlsProtocol = "RDY303";
    public const string SecretInLog = "RDY304";
    public const string CorsAnyOrigin = "RDY305";
    public const string SqlInjection = "RDY306";
    public const string SwallowedException = "RDY401";
    public const string CatchAllSwallowsCancellation = "RDY402";
    public const string ProcessExit = "RDY403";
    public const string ProductionStub = "RDY404";
    public const string FloatingPointMoney = "RDY501";
    public const string SwallowedParseFailure = "RDY502";
    public const string CultureSensitiveNumberConversion = "RDY503";
    public const string LocalWallClockTime = "RDY504";
}

internal static class RuleCategories
{
    public const string HotPath = "Readiness.HotPath";
    public const string Network = "Readiness.Network";
    public const string Security = "Readiness.Security";
    public const string FailureHandling = "Readiness.FailureHandling";
    public const string MoneyAndTime = "Readiness.MoneyAndTime";
}

internal static class Rules
{
    public const string HelpLinkBase = "https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor ThreadSleepOnAsyncPath = Create(
        id: RuleIds.ThreadSleepOnAsyncPath,
        title: "Do not call Thread.Sleep on an async path",
        messageFormat: "'{0}' blocks this thread for the whole delay on {1}; quote and fill callbacks queue behind it",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A sleeping thread runs no continuations, so its delay is added to every callback queued behind it. Use 'await Task.Delay' on async paths.");

    public static readonly DiagnosticDescriptor SyncOverAsync = Create(
        id: RuleIds.SyncOverAsync,
        title: "Do not block on a task on an async path",
        messageFormat: "'{0}' blocks this thread until the task completes; on {1} that stalls the engine's continuations and can deadlock",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Waiting synchronously for a task parks a thread that async continuations need, which adds latency under load and can deadlock. Await the task instead.");

    public static readonly DiagnosticDescriptor BlockingSynchronization = Create(
        id: RuleIds.BlockingSynchronization,
        title: "Do not block on synchronization primitives on an async path",
        messageFormat: "'{0}' {1}",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A wait on a semaphore, event, monitor or reader-writer lock parks the thread, and a lock held across blocking work makes every other thread wait for that work too. Await the primitive's async form, use a Channel<T>, or move the blocking call out of the critical section.");

    public static readonly DiagnosticDescriptor SynchronousIO = Create(
        id: RuleIds.SynchronousIO,
        title: "Do not do synchronous I/O on an async path",
        messageFormat: "'{0}' does synchronous I/O on an async path and parks the thread until the device or the venue answers; await '{1}' instead",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Synchronous file, network and database calls hold a thread for the whole round trip while async continuations queue behind it. Await the asynchronous alternative the same type offers.");

    public static readonly DiagnosticDescriptor AsyncVoid = Create(
        id: RuleIds.AsyncVoid,
        title: "Do not use async void outside event handlers",
        messageFormat: "'{0}' is async void: an exception it throws crashes the engine instead of reaching a caller, and nothing can await it",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "An exception escaping an async void method or lambda is rethrown on the thread pool and terminates the process; callers cannot await it or observe a failed order. Return Task instead.");

    public static readonly DiagnosticDescriptor DroppedTask = Create(
        id: RuleIds.DroppedTask,
        title: "Do not drop tasks on an async path",
        messageFormat: "The task from '{0}' is dropped: if it fails, nobody sees the exception and a rejected order goes unnoticed",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A task that is neither awaited, stored nor given a continuation loses its exception. Await it, or observe its failure with a continuation or a try/catch inside the delegate.");

    // Reported when the whole compilation's call graph is known (see docs/rules/RDY107.md).
    public static readonly DiagnosticDescriptor BlockingCallChain = Create(
        id: RuleIds.BlockingCallChain,
        title: "Do not call methods that block from an async path",
        messageFormat: "'{0}' blocks: {1}; calling it on {2} parks the thread for the whole chain",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A synchronous method of this compilation that sleeps, waits on a task or a primitive, or does synchronous I/O, directly or through its own callees, blocks the async path that calls it. Make the chain async or move the blocking work off the path.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor LockOnAsyncPath = Create(
        id: RuleIds.LockOnAsyncPath,
        title: "Avoid locks on an async or hot path",
        messageFormat: "'{0}' is a contention point on {1}: every thread that needs it waits; consider ConcurrentDictionary, Channel<T>, Interlocked or a single-writer design",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Info,
        description: "A short critical section is legitimate, but on a hot path every lock is a place where quote and order threads queue behind each other. Lock-free structures or a single writer remove the wait.");

    public static readonly DiagnosticDescriptor HttpClientWithoutTimeout = Create(
        id: RuleIds.HttpClientWithoutTimeout,
        title: "Set an HttpClient timeout within the latency budget",
        messageFormat: "'{0}' {1}: a stalled venue can hold each request {2}, beyond the {3} ms budget",
        category: RuleCategories.Network,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "HttpClient waits 100 s for a response by default, so one stalled venue call holds an order, a cancel or a snapshot far past the moment it mattered. Set Timeout where the client is created or registered, within readiness.http_timeout_budget_ms.");

    public static readonly DiagnosticDescriptor HttpClientPerCall = Create(
        id: RuleIds.HttpClientPerCall,
        title: "Do not create an HttpClient per call",
        messageFormat: "'{0}' creates a new HttpClient on every call: each one opens new connections with a fresh TLS handshake and leaves sockets in TIME_WAIT; share one instance or use IHttpClientFactory",
        category: RuleCategories.Network,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "An HttpClient created and disposed per request pays DNS, TCP and TLS set-up on every order and exhausts sockets under load. Create it once (a field, a constructor, Lazy<T>) or get it from IHttpClientFactory.");

    public static readonly DiagnosticDescriptor HardcodedEndpoint = Create(
        id: RuleIds.HardcodedEndpoint,
        title: "Do not hardcode exchange endpoints",
        messageFormat: "'{0}' is hardcoded: moving the engine to testnet, a backup host or a new API version takes a rebuild and a redeploy; read it from configuration",
        category: RuleCategories.Network,
        defaultSeverity: DiagnosticSeverity.Info,
        description: "Venue URLs change between testnet and production, between regions and on failover. Read them from configuration or the environment, keeping the literal only as a default.");

    public static readonly DiagnosticDescriptor ClearTextTransport = Create(
        id: RuleIds.ClearTextTransport,
        title: "Do not connect to a remote host over clear-text http or ws",
        messageFormat: "'{0}' is clear text to a non-loopback host: anyone on the path can read or alter orders, keys and market data; use '{1}'",
        category: RuleCategories.Network,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "http:// and ws:// send requests, signatures and market data unencrypted and unauthenticated. Use https:// and wss:// for every host that is not the local machine.");

    public static readonly DiagnosticDescriptor CertificateValidationDisabled = Create(
        id: RuleIds.CertificateValidationDisabled,
        title: "Do not disable TLS certificate validation",
        messageFormat: "'{0}' accepts every server certificate: anyone on the network path can read and alter orders and steal the API key",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Error,
        description: "A certificate-validation callback that always returns true turns TLS into plain text for any man in the middle. Remove it, or pin the expected certificate and return false otherwise.");

    public static readonly DiagnosticDescriptor ObsoleteTlsProtocol = Create(
        id: RuleIds.ObsoleteTlsProtocol,
        title: "Do not pin obsolete TLS or SSL protocols",
        messageFormat: "'{0}' allows an obsolete protocol: exchange connections need TLS 1.2 at least",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "SSL 2, SSL 3, TLS 1.0 and TLS 1.1 have known attacks and exchanges refuse them. Allow TLS 1.2 and 1.3, or leave the choice to the operating system.");

    public static readonly DiagnosticDescriptor SecretInLog = Create(
        id: RuleIds.SecretInLog,
        title: "Do not write secrets to logs",
        messageFormat: "'{0}' is secret-like and reaches {1}: anyone who can read it can trade with this account",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Logs, consoles and exception messages are copied to files, dashboards and support tickets. Log the name of the setting or a masked value, never the secret itself.");

    public static readonly DiagnosticDescriptor CorsAnyOrigin = Create(
        id: RuleIds.CorsAnyOrigin,
        title: "Do not open CORS to every origin",
        messageFormat: "'{0}' opens CORS to every origin: any website can call this API from a signed-in user's browser",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A CORS policy that allows every origin lets any web page read this API's responses with the caller's credentials. List the origins that may call it.");

    public static readonly DiagnosticDescriptor SqlInjection = Create(
        id: RuleIds.SqlInjection,
        title: "Do not build SQL from strings",
        messageFormat: "'{0}' receives SQL built from non-constant strings: a crafted symbol or order id can rewrite the query; pass the values as parameters",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Concatenated or interpolated values become SQL text, so a quote in a symbol, account or order id changes the statement. Keep the SQL constant and pass values as command parameters.");

    public static readonly DiagnosticDescriptor SwallowedException = Create(
        id: RuleIds.SwallowedException,
        title: "Do not swallow exceptions",
        messageFormat: "'{0}' swallows the exception: it neither rethrows, logs nor uses it, so a failed order or a dead feed goes unnoticed and nobody can tell why",
        category: RuleCategories.FailureHandling,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A catch that drops the exception turns a failure into silence: the engine carries on with a rejected order, a stale book or a dead connection, and the logs hold nothing to debug it with. Rethrow, log the exception, or pass it on in the failure result.");

    public static readonly DiagnosticDescriptor CatchAllSwallowsCancellation = Create(
        id: RuleIds.CatchAllSwallowsCancellation,
        title: "Do not swallow cancellation in a catch-all inside an async loop",
        messageFormat: "'{0}' inside this loop also catches OperationCanceledException: a cancelled engine keeps looping instead of stopping",
        category: RuleCategories.FailureHandling,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A catch-all inside a retry or receive loop catches the OperationCanceledException that asks the loop to stop, so shutdown hangs or the loop spins. Let cancellation through with a 'catch (OperationCanceledException) { throw; }' clause before the catch-all.");

    public static readonly DiagnosticDescriptor ProcessExit = Create(
        id: RuleIds.ProcessExit,
        title: "Do not kill the process outside the entry point",
        messageFormat: "'{0}' kills the whole process from library code: working orders stay live at the venue, nothing is flushed, and no caller can react",
        category: RuleCategories.FailureHandling,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Environment.Exit and Environment.FailFast end the process without cancelling orders, flushing journals or running the host's shutdown. Throw, or signal the host to stop, and let the entry point decide the exit code.");

    public static readonly DiagnosticDescriptor ProductionStub = Create(
        id: RuleIds.ProductionStub,
        title: "Do not leave stubs in production code",
        messageFormat: "'{0}' is a stub left in production code: {1}",
        category: RuleCategories.FailureHandling,
        defaultSeverity: DiagnosticSeverity.Info,
        description: "A member that throws NotImplementedException fails on its first call in production, and a money-like calculation that returns 0 with a TODO makes every decision built on it wrong without failing. Implement it, or fail loudly with a documented exception.");
    public static readonly DiagnosticDescriptor HardcodedSecret = Create(
        id: RuleIds.HardcodedSecret,
        title: "Do not hardcode secrets",
        messageFormat: "'{0}' is set from a {1}-character string literal: anyone who can read the source or the binary can trade and withdraw with it",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Error,
        description: "An API key, secret, password or private key in source code reaches every clone, build log and decompiled binary, and cannot be rotated without a release. Load it from the environment or a secret store.");

    public static readonly DiagnosticDescriptor FloatingPointMoney = Create(
        id: RuleIds.FloatingPointMoney,
        title: "Do not use binary floating point for money",
        messageFormat: "'{0}' is a money-like {1} of type '{2}': binary floating point cannot hold 0.1 exactly, so sums drift and prices land off the tick; use 'decimal'",
        category: RuleCategories.MoneyAndTime,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "double and float store binary fractions: 0.1 + 0.2 is not 0.3, a running PnL drifts, and a price rounded for the venue can fall one tick off. Hold prices, quantities, fees and balances in decimal.");

    public static readonly DiagnosticDescriptor SwallowedParseFailure = Create(
        id: RuleIds.SwallowedParseFailure,
        title: "Do not turn a failed number parse into zero",
        messageFormat: "The result of '{0}' is {1}: when '{2}' does not parse it silently becomes {3} and the engine trades on it",
        category: RuleCategories.MoneyAndTime,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "TryParse leaves zero in its out argument when the text is not a number. Discarding its result, or using it only to pick a default, turns a malformed price or quantity into a real zero that sizes orders and marks positions. Branch to an error path instead: throw, return a failure, or log.");

    public static readonly DiagnosticDescriptor CultureSensitiveNumberConversion = Create(
        id: RuleIds.CultureSensitiveNumberConversion,
        title: "Specify a culture when parsing or formatting numbers",
        messageFormat: "'{0}' uses the machine's culture: on a de-DE host '1.5' parses as 15 and 1.5 prints as '1,5'; pass CultureInfo.InvariantCulture",
        category: RuleCategories.MoneyAndTime,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Number parsing and formatting without an IFormatProvider follow the current culture. Exchange payloads use '.' as the decimal separator, so the same code misreads prices and signs malformed requests on a machine set to a culture that uses ','.");

    public static readonly DiagnosticDescriptor LocalWallClockTime = Create(
        id: RuleIds.LocalWallClockTime,
        title: "Use UTC instead of local wall-clock time",
        messageFormat: "'{0}' reads the host's local time zone: timestamps shift with the server's settings and jump an hour at daylight-saving changes; use '{1}'",
        category: RuleCategories.MoneyAndTime,
        defaultSeverity: DiagnosticSeverity.Info,
        description: "Exchanges timestamp orders, fills and funding in UTC. Local time compared with them is off by the host's offset, and twice a year an hour repeats or disappears. Use DateTime.UtcNow, DateTimeOffset.UtcNow or an injected TimeProvider.");

    // Parameter names match DiagnosticDescriptor's constructor: release tracking (RS2000/RS2001)
    // and the wording checks (RS1031-RS1033) read the arguments by those names.
    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category,
        DiagnosticSeverity defaultSeverity, string description, bool isEnabledByDefault = true, params string[] customTags)
        => new(id, title, messageFormat, category, defaultSeverity, isEnabledByDefault, description,
               HelpLinkBase + id + ".md", customTags);
}

// The same rules when BlockingChainAnalyzer decides a lock at compilation end, once the bodies of the
// methods its body calls are known (see docs/rules/RDY103.md). A diagnostic reported from a
// compilation-end action needs a descriptor with the CompilationEnd tag (RS1037), and the IDE uses
// that tag to know the diagnostic only appears with full-solution analysis; id, title, message,
// category, severity, description and help link are copied from the descriptor in Rules.
internal static class CompilationEndRules
{
    public static readonly DiagnosticDescriptor BlockingSynchronization = AtCompilationEnd(Rules.BlockingSynchronization);

    public static readonly DiagnosticDescriptor LockOnAsyncPath = AtCompilationEnd(Rules.LockOnAsyncPath);

    private static DiagnosticDescriptor AtCompilationEnd(DiagnosticDescriptor rule)
        => new(rule.Id, rule.Title, rule.MessageFormat, rule.Category, rule.DefaultSeverity, rule.IsEnabledByDefault,
               rule.Description, rule.HelpLinkUri, WellKnownDiagnosticTags.CompilationEnd);
}
