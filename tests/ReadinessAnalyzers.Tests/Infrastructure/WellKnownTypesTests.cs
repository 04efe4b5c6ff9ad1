using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class WellKnownTypesTests(CompilationFixture fixture) : IClassFixture<CompilationFixture>
{
    private const string ValueTaskPolyfill = "namespace System.Threading.Tasks { public readonly struct ValueTask { } }";

    private static readonly PropertyInfo[] s_typeProperties = typeof(WellKnownTypes)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(INamedTypeSymbol))
        .ToArray();

    // Types that .NET 8's framework does not have: System.Threading.Lock arrived in .NET 9; logging,
    // dependency injection, IHttpClientFactory and the test frameworks ship as packages.
    private static readonly string[] s_notInNet80 =
    [
        "Lock", "ILogger", "LoggerExtensions",
        "IServiceCollection", "IHttpClientBuilder", "HttpClientFactoryServiceCollectionExtensions", "HttpClientBuilderExtensions",
        "XunitFactAttribute", "NUnitTestAttribute", "MSTestTestClassAttribute", "TUnitTestAttribute",
        "CorsPolicyBuilder", "JsonNetConverter",
    ];

    [Fact]
    public void GetOrCreate_Net80_ResolvesEveryTypeFromTheFramework()
    {
        var compilation = fixture.Compile("class Engine { }");

        var types = WellKnownTypes.GetOrCreate(compilation);

        Assert.NotEmpty(s_typeProperties);
        foreach (var property in s_typeProperties)
        {
            var type = (INamedTypeSymbol?)property.GetValue(types);
            if (s_notInNet80.Contains(property.Name))
            {
                Assert.Null(type);
                continue;
            }

            Assert.True(type is not null, property.Name + " is not resolved");
            Assert.Equal(SymbolKind.NamedType, type.Kind);
            Assert.NotEqual(compilation.Assembly, type.ContainingAssembly, SymbolEqualityComparer.Default);
        }

        Assert.Equal("System.Threading.Tasks.Task", types.Task!.ToDisplayString());
        Assert.Equal("System.Threading.Tasks.Task<TResult>", types.TaskOfT!.ToDisplayString());
        Assert.Equal("ConfiguredTaskAwaitable", types.ConfiguredTaskAwaiter!.ContainingType?.Name);
        Assert.Equal("System.Collections.Generic.IAsyncEnumerable<T>", types.IAsyncEnumerableOfT!.ToDisplayString());
    }

    [Fact]
    public void GetOrCreate_SameCompilation_IsTheSameInstance()
    {
        var compilation = fixture.Compile("class Engine { }");

        Assert.Same(WellKnownTypes.GetOrCreate(compilation), WellKnownTypes.GetOrCreate(compilation));
        Assert.NotSame(WellKnownTypes.GetOrCreate(compilation), WellKnownTypes.GetOrCreate(compilation.WithAssemblyName("Other")));
    }

    // The compiler binds user code to a source polyfill that duplicates a framework type (warning
    // CS0436), so the rules must match that one.
    [Fact]
    public void GetOrCreate_SourcePolyfillBesideTheFramework_ResolvesToTheSourceType()
    {
        var compilation = fixture.Compile(ValueTaskPolyfill + """

            class Desk
            {
                System.Threading.Tasks.ValueTask Cancel() => default;
            }
            """);

        var types = WellKnownTypes.GetOrCreate(compilation);

        Assert.NotNull(types.ValueTask);
        Assert.Equal(compilation.Assembly, types.ValueTask.ContainingAssembly, SymbolEqualityComparer.Default);
        var cancel = (IMethodSymbol)compilation.GetTypeByMetadataName("Desk")!.GetMembers("Cancel").Single();
        Assert.True(types.IsAwaitableReturnType(cancel.ReturnType));
        Assert.NotNull(types.ValueTaskOfT); // the framework's generic ValueTask is not duplicated
        Assert.NotEqual(compilation.Assembly, types.ValueTaskOfT.ContainingAssembly, SymbolEqualityComparer.Default);
    }

    [Fact]
    public void GetOrCreate_PolyfillInAReferencedLibrary_ResolvesToTheFrameworkType()
    {
        var library = CompilationFixture.CreateUnchecked(
            fixture.Net80, OutputKind.DynamicallyLinkedLibrary, ("Polyfills.cs", ValueTaskPolyfill))
            .WithAssemblyName("Polyfills");
        var compilation = CompilationFixture.CreateUnchecked(
            fixture.Net80.Add(library.ToMetadataReference()), OutputKind.DynamicallyLinkedLibrary, ("Engine.cs", "class Engine { }"));

        var types = WellKnownTypes.GetOrCreate(compilation);

        Assert.NotNull(types.ValueTask);
        Assert.Equal(
            compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly,
            types.ValueTask.ContainingAssembly,
            SymbolEqualityComparer.Default);
    }

    // Two polyfills and no framework copy: GetTypeByMetadataName gives up, Resolve still picks one.
    [Fact]
    public async Task GetOrCreate_TwoReferencedPolyfillsAndNoFrameworkCopy_ResolvesOneOfThem()
    {
        var netStandard = await ReferenceAssemblies.NetStandard.NetStandard20.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        MetadataReference Polyfills(string name) => CompilationFixture.CreateUnchecked(
            netStandard, OutputKind.DynamicallyLinkedLibrary, (name + ".cs", ValueTaskPolyfill))
            .WithAssemblyName(name).ToMetadataReference();
        var compilation = CompilationFixture.CreateUnchecked(
            netStandard.Add(Polyfills("PolyfillsA")).Add(Polyfills("PolyfillsB")),
            OutputKind.DynamicallyLinkedLibrary,
            ("Engine.cs", "class Engine { }"));
        Assert.Null(compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask"));

        var types = WellKnownTypes.GetOrCreate(compilation);

        Assert.NotNull(types.ValueTask);
        Assert.StartsWith("Polyfills", types.ValueTask.ContainingAssembly.Name, System.StringComparison.Ordinal);
    }

    [Fact]
    public void GetOrCreate_NoReferences_IsAllNull()
    {
        var compilation = CompilationFixture.CreateUnchecked(
            [], OutputKind.DynamicallyLinkedLibrary, ("Engine.cs", "class Engine { void Run() { } }"));

        var types = WellKnownTypes.GetOrCreate(compilation);

        foreach (var property in s_typeProperties)
        {
            Assert.True(property.GetValue(types) is null, property.Name + " is resolved without references");
        }

        Assert.False(types.IsTaskLike(compilation.GetSpecialType(SpecialType.System_Void)));
        Assert.False(types.IsAwaitableReturnType(null));
        Assert.False(types.IsTaskAwaiter(null));
    }

    [Fact]
    public void GetOrCreate_NoReferencesButASourcePolyfill_ResolvesThePolyfill()
    {
        var compilation = CompilationFixture.CreateUnchecked(
            [], OutputKind.DynamicallyLinkedLibrary, ("Polyfills.cs", ValueTaskPolyfill));

        var types = WellKnownTypes.GetOrCreate(compilation);

        Assert.NotNull(types.ValueTask);
        Assert.Null(types.Task);
    }

    [Fact]
    public async Task GetOrCreate_NetStandard20_HasTaskButNoValueTask()
    {
        var references = await ReferenceAssemblies.NetStandard.NetStandard20.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CompilationFixture.CreateUnchecked(
            references, OutputKind.DynamicallyLinkedLibrary, ("Engine.cs", "class Engine { }"));

        var types = WellKnownTypes.GetOrCreate(compilation);

        Assert.NotNull(types.Task);
        Assert.NotNull(types.TaskOfT);
        Assert.NotNull(types.Thread);
        Assert.Null(types.ValueTask);
        Assert.Null(types.ValueTaskOfT);
        Assert.Null(types.ValueTaskAwaiter);
        Assert.Null(types.IAsyncEnumerableOfT);
    }

    [Fact]
    public void Predicates_ConstructedGenericTypes_MatchTheirDefinition()
    {
        var compilation = fixture.Compile("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Desk
            {
                Task<decimal> Quote() => Task.FromResult(1m);
                ValueTask<int> Fill() => default;
                IAsyncEnumerable<int> Ticks() => null!;
                IEnumerable<int> Levels() => null!;
                List<Task> Pending() => null!;
            }
            """);
        var types = WellKnownTypes.GetOrCreate(compilation);
        var desk = compilation.GetTypeByMetadataName("Desk")!;
        ITypeSymbol Returns(string name) => ((IMethodSymbol)desk.GetMembers(name).Single()).ReturnType;

        Assert.True(WellKnownTypes.Is(Returns("Quote"), types.TaskOfT));
        Assert.False(WellKnownTypes.Is(Returns("Quote"), types.Task));
        Assert.False(WellKnownTypes.Is(Returns("Quote"), null));
        Assert.True(types.IsTaskLike(Returns("Quote")));
        Assert.True(types.IsTaskLike(Returns("Fill")));
        Assert.False(types.IsTaskLike(Returns("Ticks")));
        Assert.True(types.IsAwaitableReturnType(Returns("Ticks")));
        Assert.False(types.IsAwaitableReturnType(Returns("Levels")));
        Assert.False(types.IsAwaitableReturnType(Returns("Pending")));
    }

    [Fact]
    public void Is_ASameNamedTypeElsewhere_IsNotTheWellKnownOne_AndAnnotationsDoNotMatter()
    {
        var compilation = fixture.Compile("""
            #nullable enable
            using System;
            using System.Threading.Tasks;

            namespace Vendor { class Task { } class Thread { } }

            class Desk
            {
                Vendor.Task Own() => new();
                Task<decimal>? Maybe() => null;
                Task Real() => Task.CompletedTask;
                Vendor.Thread Worker() => new();
                InvalidOperationException Failure() => new();
            }
            """);
        var types = WellKnownTypes.GetOrCreate(compilation);
        var desk = compilation.GetTypeByMetadataName("Desk")!;
        ITypeSymbol Returns(string name) => ((IMethodSymbol)desk.GetMembers(name).Single()).ReturnType;

        Assert.False(WellKnownTypes.Is(Returns("Own"), types.Task));
        Assert.False(WellKnownTypes.Is(Returns("Worker"), types.Thread));
        Assert.True(WellKnownTypes.Is(Returns("Real"), types.Task));
        Assert.True(WellKnownTypes.Is(Returns("Maybe"), types.TaskOfT));
        Assert.True(WellKnownTypes.IsOrDerivesFrom(Returns("Failure"), types.Exception));
        Assert.False(WellKnownTypes.IsOrDerivesFrom(Returns("Own"), types.Task));
    }

    [Fact]
    public void IsTaskAwaiter_EveryBlockingAwaiter_IsTrue()
    {
        var compilation = fixture.Compile("""
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;

            class Awaiters
            {
                TaskAwaiter A(Task t) => t.GetAwaiter();
                TaskAwaiter<int> B(Task<int> t) => t.GetAwaiter();
                ValueTaskAwaiter C(ValueTask t) => t.GetAwaiter();
                ValueTaskAwaiter<int> D(ValueTask<int> t) => t.GetAwaiter();
                ConfiguredTaskAwaitable.ConfiguredTaskAwaiter E(Task t) => t.ConfigureAwait(false).GetAwaiter();
                ConfiguredTaskAwaitable<int>.ConfiguredTaskAwaiter F(Task<int> t) => t.ConfigureAwait(false).GetAwaiter();
                ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter G(ValueTask t) => t.ConfigureAwait(false).GetAwaiter();
                ConfiguredValueTaskAwaitable<int>.ConfiguredValueTaskAwaiter H(ValueTask<int> t) => t.ConfigureAwait(false).GetAwaiter();
                YieldAwaitable.YieldAwaiter NotBlocking() => Task.Yield().GetAwaiter();
            }
            """);
        var types = WellKnownTypes.GetOrCreate(compilation);
        var awaiters = compilation.GetTypeByMetadataName("Awaiters")!;

        foreach (var method in awaiters.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
        {
            Assert.True(
                types.IsTaskAwaiter(method.ReturnType) == (method.Name != "NotBlocking"),
                method.Name + " returns " + method.ReturnType.ToDisplayString());
        }
    }
}
