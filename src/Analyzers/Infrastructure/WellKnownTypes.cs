using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Every framework type the rules match, resolved once per compilation. A property is
/// <see langword="null"/> when the compilation does not have the type (a netstandard2.0 project
/// without System.Threading.Tasks.Extensions has no ValueTask); rules that need it register nothing.
/// </summary>
internal sealed class WellKnownTypes
{
    // A cache keyed by the immutable compilation: the analyzers and the code fixes of one
    // compilation share one resolution, and the entry goes away with the compilation.
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> s_cache = new();

    private WellKnownTypes(Compilation compilation)
    {
        EventArgs = Resolve(compilation, "System.EventArgs");
        Thread = Resolve(compilation, "System.Threading.Thread");
        SpinWait = Resolve(compilation, "System.Threading.SpinWait");
        ThreadPool = Resolve(compilation, "System.Threading.ThreadPool");
        CancellationToken = Resolve(compilation, "System.Threading.CancellationToken");
        Task = Resolve(compilation, "System.Threading.Tasks.Task");
        TaskOfT = Resolve(compilation, "System.Threading.Tasks.Task`1");
        ValueTask = Resolve(compilation, "System.Threading.Tasks.ValueTask");
        ValueTaskOfT = Resolve(compilation, "System.Threading.Tasks.ValueTask`1");
        TaskFactory = Resolve(compilation, "System.Threading.Tasks.TaskFactory");
        TaskFactoryOfT = Resolve(compilation, "System.Threading.Tasks.TaskFactory`1");
        TaskCreationOptions = Resolve(compilation, "System.Threading.Tasks.TaskCreationOptions");
        TaskStatus = Resolve(compilation, "System.Threading.Tasks.TaskStatus");
        IAsyncEnumerableOfT = Resolve(compilation, "System.Collections.Generic.IAsyncEnumerable`1");
        TaskAwaiter = Resolve(compilation, "System.Runtime.CompilerServices.TaskAwaiter");
        TaskAwaiterOfT = Resolve(compilation, "System.Runtime.CompilerServices.TaskAwaiter`1");
        ValueTaskAwaiter = Resolve(compilation, "System.Runtime.CompilerServices.ValueTaskAwaiter");
        ValueTaskAwaiterOfT = Resolve(compilation, "System.Runtime.CompilerServices.ValueTaskAwaiter`1");
        ConfiguredTaskAwaiter = Resolve(compilation, "System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter");
        ConfiguredTaskAwaiterOfT = Resolve(compilation, "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter");
        ConfiguredValueTaskAwaiter = Resolve(compilation, "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter");
        ConfiguredValueTaskAwaiterOfT = Resolve(compilation, "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter");
        Monitor = Resolve(compilation, "System.Threading.Monitor");
        Lock = Resolve(compilation, "System.Threading.Lock");
        WaitHandle = Resolve(compilation, "System.Threading.WaitHandle");
        SemaphoreSlim = Resolve(compilation, "System.Threading.SemaphoreSlim");
        ManualResetEventSlim = Resolve(compilation, "System.Threading.ManualResetEventSlim");
        CountdownEvent = Resolve(compilation, "System.Threading.CountdownEvent");
        Barrier = Resolve(compilation, "System.Threading.Barrier");
        ReaderWriterLockSlim = Resolve(compilation, "System.Threading.ReaderWriterLockSlim");
        CancellationTokenSource = Resolve(compilation, "System.Threading.CancellationTokenSource");
        Console = Resolve(compilation, "System.Console");
        File = Resolve(compilation, "System.IO.File");
        Path = Resolve(compilation, "System.IO.Path");
        MemoryStream = Resolve(compilation, "System.IO.MemoryStream");
        UnmanagedMemoryStream = Resolve(compilation, "System.IO.UnmanagedMemoryStream");
        StringReader = Resolve(compilation, "System.IO.StringReader");
        StringWriter = Resolve(compilation, "System.IO.StringWriter");
        WebClient = Resolve(compilation, "System.Net.WebClient");
        Socket = Resolve(compilation, "System.Net.Sockets.Socket");
        Dns = Resolve(compilation, "System.Net.Dns");
        Process = Resolve(compilation, "System.Diagnostics.Process");
        ILogger = Resolve(compilation, "Microsoft.Extensions.Logging.ILogger");
        LoggerExtensions = Resolve(compilation, "Microsoft.Extensions.Logging.LoggerExtensions");

        // Failure handling (RDY401-RDY404)
        Exception = Resolve(compilation, "System.Exception");
        OperationCanceledException = Resolve(compilation, "System.OperationCanceledException");
        NotImplementedException = Resolve(compilation, "System.NotImplementedException");
        ObjectDisposedException = Resolve(compilation, "System.ObjectDisposedException");
        JsonNetConverter = Resolve(compilation, "Newtonsoft.Json.JsonConverter");
        Environment = Resolve(compilation, "System.Environment");
        // Network resilience: HttpClient (RDY201, RDY202) and Endpoint (RDY203, RDY204) families.
        HttpClient = Resolve(compilation, "System.Net.Http.HttpClient");
        TimeSpan = Resolve(compilation, "System.TimeSpan");
        ThreadingTimeout = Resolve(compilation, "System.Threading.Timeout");
        LazyOfT = Resolve(compilation, "System.Lazy`1");
        LazyInitializer = Resolve(compilation, "System.Threading.LazyInitializer");
        IServiceCollection = Resolve(compilation, "Microsoft.Extensions.DependencyInjection.IServiceCollection");
        IHttpClientBuilder = Resolve(compilation, "Microsoft.Extensions.DependencyInjection.IHttpClientBuilder");
        HttpClientFactoryServiceCollectionExtensions = Resolve(compilation, "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions");
        HttpClientBuilderExtensions = Resolve(compilation, "Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions");
        Uri = Resolve(compilation, "System.Uri");
        XunitFactAttribute = Resolve(compilation, "Xunit.FactAttribute");
        NUnitTestAttribute = Resolve(compilation, "NUnit.Framework.TestAttribute");
        MSTestTestClassAttribute = Resolve(compilation, "Microsoft.VisualStudio.TestTools.UnitTesting.TestClassAttribute");
        TUnitTestAttribute = Resolve(compilation, "TUnit.Core.TestAttribute");
        // Security (RDY3xx): HardcodedSecret, Tls, SecretLogging, Cors, SqlInjection
        InvalidOperationException = Resolve(compilation, "System.InvalidOperationException");
        SslProtocols = Resolve(compilation, "System.Security.Authentication.SslProtocols");
        SecurityProtocolType = Resolve(compilation, "System.Net.SecurityProtocolType");
        SslPolicyErrors = Resolve(compilation, "System.Net.Security.SslPolicyErrors");
        HttpClientHandler = Resolve(compilation, "System.Net.Http.HttpClientHandler");
        Debug = Resolve(compilation, "System.Diagnostics.Debug");
        Trace = Resolve(compilation, "System.Diagnostics.Trace");
        TraceSource = Resolve(compilation, "System.Diagnostics.TraceSource");
        StringBuilder = Resolve(compilation, "System.Text.StringBuilder");
        FormattableString = Resolve(compilation, "System.FormattableString");
        IDbCommand = Resolve(compilation, "System.Data.IDbCommand");
        DbCommand = Resolve(compilation, "System.Data.Common.DbCommand");
        ExpressionOfT = Resolve(compilation, "System.Linq.Expressions.Expression`1");
        CorsPolicyBuilder = Resolve(compilation, "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder");
        // MoneyType, NumberParsing, WallClock (RDY501-RDY504)
        DateTime = Resolve(compilation, "System.DateTime");
        DateTimeOffset = Resolve(compilation, "System.DateTimeOffset");
        Convert = Resolve(compilation, "System.Convert");
        IFormatProvider = Resolve(compilation, "System.IFormatProvider");
        CultureInfo = Resolve(compilation, "System.Globalization.CultureInfo");
        NumberStyles = Resolve(compilation, "System.Globalization.NumberStyles");
        Directory = Resolve(compilation, "System.IO.Directory");
        FileSystemInfo = Resolve(compilation, "System.IO.FileSystemInfo");
    }

    public INamedTypeSymbol? EventArgs { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? SpinWait { get; }
    public INamedTypeSymbol? ThreadPool { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? TaskFactoryOfT { get; }
    public INamedTypeSymbol? TaskCreationOptions { get; }
    public INamedTypeSymbol? TaskStatus { get; }
    public INamedTypeSymbol? IAsyncEnumerableOfT { get; }
    public INamedTypeSymbol? TaskAwaiter { get; }
    public INamedTypeSymbol? TaskAwaiterOfT { get; }
    public INamedTypeSymbol? ValueTaskAwaiter { get; }
    public INamedTypeSymbol? ValueTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiterOfT { get; }
    public INamedTypeSymbol? Monitor { get; }
    public INamedTypeSymbol? Lock { get; }
    public INamedTypeSymbol? WaitHandle { get; }
    public INamedTypeSymbol? SemaphoreSlim { get; }
    public INamedTypeSymbol? ManualResetEventSlim { get; }
    public INamedTypeSymbol? CountdownEvent { get; }
    public INamedTypeSymbol? Barrier { get; }
    public INamedTypeSymbol? ReaderWriterLockSlim { get; }
    public INamedTypeSymbol? CancellationTokenSource { get; }
    public INamedTypeSymbol? Console { get; }
    public INamedTypeSymbol? File { get; }
    public INamedTypeSymbol? Path { get; }
    public INamedTypeSymbol? MemoryStream { get; }
    public INamedTypeSymbol? UnmanagedMemoryStream { get; }
    public INamedTypeSymbol? StringReader { get; }
    public INamedTypeSymbol? StringWriter { get; }
    public INamedTypeSymbol? WebClient { get; }
    public INamedTypeSymbol? Socket { get; }
    public INamedTypeSymbol? Dns { get; }
    public INamedTypeSymbol? Process { get; }
    public INamedTypeSymbol? ILogger { get; }
    public INamedTypeSymbol? LoggerExtensions { get; }

    // Failure handling (RDY401-RDY404)
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? OperationCanceledException { get; }
    public INamedTypeSymbol? NotImplementedException { get; }
    public INamedTypeSymbol? ObjectDisposedException { get; }
    public INamedTypeSymbol? JsonNetConverter { get; }
    public INamedTypeSymbol? Environment { get; }
    // Network resilience: HttpClient (RDY201, RDY202) and Endpoint (RDY203, RDY204) families.
    public INamedTypeSymbol? HttpClient { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? ThreadingTimeout { get; }
    public INamedTypeSymbol? LazyOfT { get; }
    public INamedTypeSymbol? LazyInitializer { get; }
    public INamedTypeSymbol? IServiceCollection { get; }
    public INamedTypeSymbol? IHttpClientBuilder { get; }
    public INamedTypeSymbol? HttpClientFactoryServiceCollectionExtensions { get; }
    public INamedTypeSymbol? HttpClientBuilderExtensions { get; }
    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? XunitFactAttribute { get; }
    public INamedTypeSymbol? NUnitTestAttribute { get; }
    public INamedTypeSymbol? MSTestTestClassAttribute { get; }
    public INamedTypeSymbol? TUnitTestAttribute { get; }

    /// <summary>True when the compilation references a unit-test framework (xUnit, NUnit, MSTest, TUnit):
    /// production code never does, so this marks a test project.</summary>
    public bool ReferencesTestFramework
        => XunitFactAttribute is not null || NUnitTestAttribute is not null
           || MSTestTestClassAttribute is not null || TUnitTestAttribute is not null;
    // Security (RDY3xx): HardcodedSecret, Tls, SecretLogging, Cors, SqlInjection
    public INamedTypeSymbol? InvalidOperationException { get; }
    public INamedTypeSymbol? SslProtocols { get; }
    public INamedTypeSymbol? SecurityProtocolType { get; }
    public INamedTypeSymbol? SslPolicyErrors { get; }
    public INamedTypeSymbol? HttpClientHandler { get; }
    public INamedTypeSymbol? Debug { get; }
    public INamedTypeSymbol? Trace { get; }
    public INamedTypeSymbol? TraceSource { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? FormattableString { get; }
    public INamedTypeSymbol? IDbCommand { get; }
    public INamedTypeSymbol? DbCommand { get; }
    public INamedTypeSymbol? ExpressionOfT { get; }
    public INamedTypeSymbol? CorsPolicyBuilder { get; }
    // MoneyType, NumberParsing, WallClock (RDY501-RDY504)
    public INamedTypeSymbol? DateTime { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? Convert { get; }
    public INamedTypeSymbol? IFormatProvider { get; }
    public INamedTypeSymbol? CultureInfo { get; }
    public INamedTypeSymbol? NumberStyles { get; }
    public INamedTypeSymbol? Directory { get; }
    public INamedTypeSymbol? FileSystemInfo { get; }

    /// <summary>The one instance for <paramref name="compilation"/>, created on first use.</summary>
    public static WellKnownTypes GetOrCreate(Compilation compilation)
        => s_cache.GetValue(compilation, static c => new WellKnownTypes(c));

    /// <summary>True when <paramref name="type"/> (or its original definition) is <paramref name="candidate"/>.</summary>
    /// <remarks>
    /// Called for most operations of every body, and almost always with another type: equal symbols
    /// have equal names, so a name comparison (two stored strings) rejects those before the symbol
    /// comparison does.
    /// </remarks>
    [MethodImpl(JitOptions.Optimized)]
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? candidate)
        => type is not null && candidate is not null
           && string.Equals(type.Name, candidate.Name, StringComparison.Ordinal)
           && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, candidate);

    /// <summary>True when <paramref name="type"/> is <paramref name="candidate"/> or derives from it.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? candidate)
    {
        if (candidate is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsTaskLike(ITypeSymbol? type)
        => Is(type, Task) || Is(type, TaskOfT) || Is(type, ValueTask) || Is(type, ValueTaskOfT);

    /// <summary>A return type that makes a method part of an async path: a task-like type or IAsyncEnumerable&lt;T&gt;.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsAwaitableReturnType(ITypeSymbol? type)
        => IsTaskLike(type) || Is(type, IAsyncEnumerableOfT);

    /// <summary>Every awaiter type whose <c>GetResult()</c> blocks until the task completes.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsTaskAwaiter(ITypeSymbol? type)
        => Is(type, TaskAwaiter) || Is(type, TaskAwaiterOfT)
           || Is(type, ValueTaskAwaiter) || Is(type, ValueTaskAwaiterOfT)
           || Is(type, ConfiguredTaskAwaiter) || Is(type, ConfiguredTaskAwaiterOfT)
           || Is(type, ConfiguredValueTaskAwaiter) || Is(type, ConfiguredValueTaskAwaiterOfT);

    // GetTypeByMetadataName answers null when a type is defined twice (a polyfill beside the
    // BCL). The compiler binds the user's code to the source definition in that case, so we do too;
    // otherwise the core library's copy, otherwise the first one.
    private static INamedTypeSymbol? Resolve(Compilation compilation, string metadataName)
    {
        if (compilation.GetTypeByMetadataName(metadataName) is { } unique)
        {
            return unique;
        }

        var candidates = compilation.GetTypesByMetadataName(metadataName);
        if (candidates.IsDefaultOrEmpty)
        {
            return null;
        }

        var corLibrary = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
        INamedTypeSymbol? fromCorLibrary = null;
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            if (fromCorLibrary is null && SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, corLibrary))
            {
                fromCorLibrary = candidate;
            }
        }

        return fromCorLibrary ?? candidates[0];
    }
}
