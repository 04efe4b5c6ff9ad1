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

    public static readonly DiagnosticDescriptor LockOnAsyncPath = Create(
        id: RuleIds.LockOnAsyncPath,
        title: "Avoid locks on an async or hot path",
        messageFormat: "'{0}' is a contention point on {1}: every thread that needs it waits; consider ConcurrentDictionary, Channel<T>, Interlocked or a single-writer design",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Info,
        description: "A short critical section is legitimate, but on a hot path every lock is a place where quote and order threads queue behind each other. Lock-free structures or a single writer remove the wait.");

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
        DiagnosticSeverity defaultSeverity, string description, bool isEnabledByDefault = true)
        => new(id, title, messageFormat, category, defaultSeverity, isEnabledByDefault, description,
               HelpLinkBase + id + ".md");
}
