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
    public const string LockOnAsyncPath = "RDY108";
    public const string HardcodedSecret = "RDY301";
    public const string CertificateValidationDisabled = "RDY302";
    public const string ObsoleteTlsProtocol = "RDY303";
    public const string SecretInLog = "RDY304";
    public const string CorsAnyOrigin = "RDY305";
    public const string SqlInjection = "RDY306";
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

    public static readonly DiagnosticDescriptor LockOnAsyncPath = Create(
        id: RuleIds.LockOnAsyncPath,
        title: "Avoid locks on an async or hot path",
        messageFormat: "'{0}' is a contention point on {1}: every thread that needs it waits; consider ConcurrentDictionary, Channel<T>, Interlocked or a single-writer design",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Info,
        description: "A short critical section is legitimate, but on a hot path every lock is a place where quote and order threads queue behind each other. Lock-free structures or a single writer remove the wait.");

    public static readonly DiagnosticDescriptor HardcodedSecret = Create(
        id: RuleIds.HardcodedSecret,
        title: "Do not hardcode secrets",
        messageFormat: "'{0}' is set from a {1}-character string literal: anyone who can read the source or the binary can trade and withdraw with it",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Error,
        description: "An API key, secret, password or private key in source code reaches every clone, build log and decompiled binary, and cannot be rotated without a release. Load it from the environment or a secret store.");

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

    // Parameter names match DiagnosticDescriptor's constructor: release tracking (RS2000/RS2001)
    // and the wording checks (RS1031-RS1033) read the arguments by those names.
    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category,
        DiagnosticSeverity defaultSeverity, string description, bool isEnabledByDefault = true)
        => new(id, title, messageFormat, category, defaultSeverity, isEnabledByDefault, description,
               HelpLinkBase + id + ".md");
}
