using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.FireAndForgetAnalyzer, ReadinessAnalyzers.CodeFixes.FireAndForgetCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.FireAndForget;

public sealed class RDY105AsyncVoidTests
{
    [Fact]
    public Task AsyncVoidMethod_ReturnsTaskAndCallersStillCompile() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        class OrderRouter
        {
            void Start()
            {
                SubmitOrder("buy 1 BTC");
                _ = System.Array.Empty<int>();
            }

            void Restart() => SubmitOrder("cancel all");

            // fire the order
            private async void {|RDY105:SubmitOrder|}(string order)
            {
                await Task.Delay(1);
            }
        }
        """,
        """
        using System.Threading.Tasks;

        class OrderRouter
        {
            void Start()
            {
                SubmitOrder("buy 1 BTC");
                _ = System.Array.Empty<int>();
            }

            void Restart() => SubmitOrder("cancel all");

            // fire the order
            private async Task SubmitOrder(string order)
            {
                await Task.Delay(1);
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheMethod()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                class Feed
                {
                    async void {|#0:Reconnect|}() => await Task.Yield();
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;

                class Feed
                {
                    async Task Reconnect() => await Task.Yield();
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.AsyncVoid).WithLocation(0).WithArguments("Reconnect"));
        return test.RunAsync();
    }

    [Fact]
    public Task AsyncVoidLocalFunction_ReturnsTask() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        class Risk
        {
            void Check()
            {
                async void {|RDY105:Recalculate|}()
                {
                    await Task.Yield();
                }

                Recalculate();
            }
        }
        """,
        """
        using System.Threading.Tasks;

        class Risk
        {
            void Check()
            {
                async Task Recalculate()
                {
                    await Task.Yield();
                }

                Recalculate();
            }
        }
        """);

    [Fact]
    public Task MissingTasksImport_IsAdded() => Verify.CodeFixAsync(
        """
        class Risk
        {
            async void {|RDY105:Recalculate|}() => await System.Threading.Tasks.Task.Yield();
        }
        """,
        """
        using System.Threading.Tasks;

        class Risk
        {
            async Task Recalculate() => await System.Threading.Tasks.Task.Yield();
        }
        """);

    [Fact]
    public Task AsyncLambdasConvertedToVoidDelegates_AreReportedWithoutFix()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            record Quote(decimal Bid, decimal Ask);

            class Feed
            {
                public event Action<Quote>? QuoteReceived;

                void Wire(List<string> symbols, Timer? timer)
                {
                    Action refresh = {|RDY105:async () =>|} await Task.Yield();
                    var thread = new Thread({|RDY105:async () =>|} await Task.Delay(10));
                    symbols.ForEach({|RDY105:async s =>|} await Task.Delay(1));
                    Parallel.ForEach(symbols, {|RDY105:async s =>|} await Task.Delay(1));
                    QuoteReceived += {|RDY105:async q =>|} await Task.Delay(1);
                    timer = new Timer({|RDY105:async _ =>|} await Task.Delay(1), null, 0, 1000);
                    Action<int> old = {|RDY105:async delegate|} (int n) { await Task.Delay(n); };
                }
            }
            """;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task LambdaMessage_NamesTheDelegateType()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class Feed
                {
                    void Wire(List<string> symbols) => symbols.ForEach({|#0:async s =>|} await Task.Delay(1));
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.AsyncVoid).WithLocation(0).WithArguments("async lambda converted to Action<string>"));
        return test.RunAsync();
    }

    [Fact]
    public Task MethodUsedAsDelegateOrOverridden_IsReportedWithoutFix()
    {
        var source = """
            using System;
            using System.Threading.Tasks;

            class Poller
            {
                void Start()
                {
                    Action tick = OnTick;
                    tick();
                }

                async void {|RDY105:OnTick|}() => await Task.Yield();

                protected virtual async void {|RDY105:OnFill|}() => await Task.Yield();
            }

            class CustomPoller : Poller
            {
                protected override async void OnFill() => await Task.Delay(1);
            }
            """;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task EventHandlersOverridesAndInterfaceImplementations_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;

        class FillEventArgs : EventArgs { }
        sealed class BookEventArgs { }

        interface IMarketDataHandler { void OnBook(); }

        abstract class Strategy { public abstract void OnStart(); }

        class Engine : Strategy, IMarketDataHandler
        {
            public event EventHandler<FillEventArgs>? Filled;

            void Wire(System.Timers.Timer timer)
            {
                timer.Elapsed += async (s, e) => await Task.Delay(1);
                Filled += async (sender, e) => await Task.Delay(1);
                _ = Task.Run(async () => await Task.Delay(1));
                Func<Task> safe = async () => await Task.Delay(1);
                async void OnLocalFill(object sender, FillEventArgs e) => await Task.Delay(1);
                Filled += OnLocalFill;
            }

            async void OnFill(object? sender, FillEventArgs e) => await Task.Delay(1);

            async void OnBookChanged(object sender, BookEventArgs e) => await Task.Delay(1);

            public override async void OnStart() => await Task.Delay(1);

            public async void OnBook() => await Task.Delay(1);

            async Task RunAsync() => await Task.Delay(1);

            void Sync() { }
        }
        """);

    [Fact]
    public Task ExplicitInterfaceImplementation_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        interface IStartable { void Start(); }

        class Gateway : IStartable
        {
            async void IStartable.Start() => await Task.Delay(1);
        }
        """);

    [Fact]
    public Task FixAll_RewritesEveryMethod() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        partial class Engine<T>
        {
            async void {|RDY105:Connect|}() => await Task.Yield();
        }

        partial class Engine<T>
        {
            public async void {|RDY105:Subscribe|}(T symbol)
            {
                await Task.Yield(); // subscribe
            }
        }
        """,
        """
        using System.Threading.Tasks;

        partial class Engine<T>
        {
            async Task Connect() => await Task.Yield();
        }

        partial class Engine<T>
        {
            public async Task Subscribe(T symbol)
            {
                await Task.Yield(); // subscribe
            }
        }
        """);
}
