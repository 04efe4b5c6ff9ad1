using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers;

internal static class RuleIds
{
    public const string ThreadSleepOnAsyncPath = "RDY101";
    public const string SyncOverAsync = "RDY102";
    public const string AsyncVoid = "RDY105";
    public const string DroppedTask = "RDY106";
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
        messageFormat: "'{0}' blocks this thread until the task completes; on an async path that stalls the engine's continuations and can deadlock",
        category: RuleCategories.HotPath,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Waiting synchronously for a task parks a thread that async continuations need, which adds latency under load and can deadlock. Await the task instead.");

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

    // Parameter names match DiagnosticDescriptor's constructor: release tracking (RS2000/RS2001)
    // and the wording checks (RS1031-RS1033) read the arguments by those names.
    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category,
        DiagnosticSeverity defaultSeverity, string description, bool isEnabledByDefault = true)
        => new(id, title, messageFormat, category, defaultSeverity, isEnabledByDefault, description,
               HelpLinkBase + id + ".md");
}
