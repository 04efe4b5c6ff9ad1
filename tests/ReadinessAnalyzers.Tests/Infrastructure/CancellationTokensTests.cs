using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class CancellationTokensTests(CompilationFixture fixture) : IClassFixture<CompilationFixture>
{
    private const string Prelude = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using static Probes;

        sealed class Feed
        {
            private readonly CancellationToken _shutdown = CancellationToken.None;
            private CancellationToken Stopping => _shutdown;

        """;

    private const string Declarations = """
        }

        static class Probes
        {
            public static void Probe() { }
        }
        """;

    [Theory]
    [InlineData("async Task PollAsync(CancellationToken ct) { Probe(); await Task.Yield(); }", "ct")]
    [InlineData("void Poll(string venue, CancellationToken cancellationToken, int depth) { Probe(); }", "cancellationToken")]
    [InlineData("void Poll() { var token = CancellationToken.None; Probe(); }", "token")]
    [InlineData("void Poll(CancellationTokenSource cts) { var ct = cts.Token; Probe(); }", "ct")]
    [InlineData("void Poll(CancellationToken ct) { Action tick = () => Probe(); }", "ct")]
    [InlineData("void Poll(CancellationToken ct) { Func<Task> tick = async () => { Probe(); await Task.Yield(); }; }", "ct")]
    [InlineData("void Poll(CancellationToken ct) { Tick(); void Tick() { Probe(); } }", "ct")]
    [InlineData("void Poll() { Action<CancellationToken> tick = ct => Probe(); }", "ct")]
    [InlineData("void Poll(CancellationToken ct) { { var inner = ct; } Probe(); }", "ct")]
    [InlineData("void Poll(bool ok) { if (TryGet(out var ct)) { Probe(); } } static bool TryGet(out CancellationToken ct) { ct = default; return true; }", "ct")]
    [InlineData("CancellationToken Shutdown { set { Probe(); } }", "value")]
    [InlineData("void Poll() { foreach (var ct in new[] { CancellationToken.None }) { Probe(); } }", "ct")]
    public async Task FindSingleInScope_ExactlyOneTokenBeforeTheCall_IsItsName(string members, string expected)
        => Assert.Equal(expected, await FindSingleInScopeAsync(members));

    [Theory]
    [InlineData("void Poll() { Probe(); }")]
    [InlineData("void Poll(CancellationToken ct, CancellationToken linked) { Probe(); }")]
    [InlineData("void Poll(CancellationToken ct) { var linked = ct; Probe(); }")]
    [InlineData("void Poll(CancellationToken ct) { Action<CancellationToken> tick = inner => Probe(); }")]
    [InlineData("void Poll() { Probe(); var late = CancellationToken.None; }")]
    [InlineData("void Poll() { var token = Make(() => Probe()); } static CancellationToken Make(Action a) => default;")]
    [InlineData("void Poll() { Action tick = () => Probe(); var late = CancellationToken.None; }")]
    [InlineData("void Poll(CancellationTokenSource cts) { Probe(); }")]
    [InlineData("void Poll(CancellationToken? maybe) { Probe(); }")]
    [InlineData("void Poll() { Probe(); } // fields and properties are not offered")]
    public async Task FindSingleInScope_NoneOrSeveralTokens_IsNull(string members)
        => Assert.Null(await FindSingleInScopeAsync(members));

    // A static lambda or local function cannot capture the outer token: passing it would not compile.
    [Theory]
    [InlineData("void Poll(CancellationToken ct) { Tick(); static void Tick() { Probe(); } }")]
    [InlineData("void Poll(CancellationToken ct) { Action tick = static () => Probe(); }")]
    [InlineData("void Poll(CancellationToken ct) { Action tick = static () => { Action inner = () => Probe(); }; }")]
    [InlineData("static void Poll() { var ct = CancellationToken.None; Tick(); static void Tick() { Probe(); } }")]
    public async Task FindSingleInScope_OuterTokenInsideStaticFunction_IsNull(string members)
        => Assert.Null(await FindSingleInScopeAsync(members));

    [Theory]
    [InlineData("void Poll(CancellationToken ct) { Tick(); static void Tick() { var own = CancellationToken.None; Probe(); } }", "own")]
    [InlineData("void Poll(CancellationToken ct) { Action<CancellationToken> tick = static inner => Probe(); }", "inner")]
    [InlineData("static void Poll(CancellationToken ct) { Action tick = () => Probe(); }", "ct")]
    public async Task FindSingleInScope_StaticFunctionsOwnToken_IsItsName(string members, string expected)
        => Assert.Equal(expected, await FindSingleInScopeAsync(members));

    [Theory]
    [InlineData("public void Poll() { Probe(); }", "stopping")]
    [InlineData("public static void Poll() { Probe(); }", null)]
    public async Task FindSingleInScope_PrimaryConstructorToken_OnlyFromInstanceMembers(string member, string? expected)
    {
        var compilation = fixture.Compile(
            "using System.Threading;\nusing static Probes;\n\nsealed class Feed(CancellationToken stopping)\n{\n    "
            + member + "\n    public CancellationToken Stopping => stopping;\n" + Declarations);

        Assert.Equal(expected, await FindSingleInScopeAsync(compilation));
    }

    [Fact]
    public async Task FindSingleInScope_TopLevelStatements_SeeTheirLocals()
    {
        var compilation = fixture.Compile(
            """
            using System.Threading;
            using static Probes;

            using var cts = new CancellationTokenSource();
            var token = cts.Token;
            Probe();

            static class Probes
            {
                public static void Probe() { }
            }
            """,
            OutputKind.ConsoleApplication);

        Assert.Equal("token", await FindSingleInScopeAsync(compilation));
    }

    [Fact]
    public async Task FindSingleInScope_NoCancellationTokenType_IsNull()
    {
        var compilation = CompilationFixture.CreateUnchecked(
            [], OutputKind.DynamicallyLinkedLibrary,
            ("Engine.cs", "class Feed { void Poll(CancellationToken ct) { Probe(); } void Probe() { } }"));

        Assert.Null(await FindSingleInScopeAsync(compilation));
    }

    private Task<string?> FindSingleInScopeAsync(string members)
        => FindSingleInScopeAsync(fixture.Compile(Prelude + members + "\n" + Declarations));

    private static async Task<string?> FindSingleInScopeAsync(Compilation compilation)
    {
        var site = await ProbeRecorder.FindSingleAsync(compilation, TestAnalyzerConfigOptionsProvider.Options());
        return CancellationTokens.FindSingleInScope(site.Operation, WellKnownTypes.GetOrCreate(site.Compilation));
    }
}
