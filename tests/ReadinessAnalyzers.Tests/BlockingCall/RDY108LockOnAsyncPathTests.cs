using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.BlockingCallAnalyzer, ReadinessAnalyzers.CodeFixes.BlockingCallCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.BlockingCall;

public sealed class RDY108LockOnAsyncPathTests
{
    [Fact]
    public Task LockWithoutBlockingWork_IsInfoAndNamesThePath()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                class OrderBook
                {
                    readonly object _book = new();
                    decimal _bestBid;

                    async Task OnQuoteAsync(decimal bid)
                    {
                        {|#0:lock (_book)|}
                        {
                            _bestBid = bid > _bestBid ? bid : _bestBid;
                        }

                        await Task.Yield();
                    }

                    [HotPath]
                    void OnTrade(decimal px)
                    {
                        {|#1:lock (_book)|}
                        {
                            _bestBid = px;
                        }
                    }
                }

                sealed class HotPathAttribute : System.Attribute { }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.LockOnAsyncPath).WithLocation(0).WithArguments("lock (_book)", "an async path"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.LockOnAsyncPath).WithLocation(1).WithArguments("lock (_book)", "a hot path"));
        return test.RunAsync();
    }

    [Fact]
    public Task LockWithBlockingWork_IsRDY103NotRDY108() => Verify.AnalyzerAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class OrderBook
        {
            readonly object _book = new();

            async Task OnQuoteAsync()
            {
                {|RDY103:lock (_book)|}
                {
                    {|RDY101:Thread.Sleep(1)|};
                }

                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task LockWithCompletedTaskResult_IsOnlyRDY108() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        class OrderBook
        {
            readonly object _book = new();

            async Task<decimal> SnapshotAsync(Task<decimal> bid)
            {
                await bid;
                {|RDY108:lock (_book)|}
                {
                    return bid.Result;
                }
            }
        }
        """);

    [Fact]
    public Task LocksInSyncCodeAndSyncLambdas_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;

        class OrderBook
        {
            readonly object _book = new();
            decimal _bid;

            void Apply(decimal bid)
            {
                lock (_book) { _bid = bid; }
            }

            async Task RunAsync()
            {
                Action apply = () => { lock (_book) { _bid = 0; } };
                apply();
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task StrictSeverity_CanBeRaisedByConfiguration()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                class OrderBook
                {
                    readonly object _book = new();

                    async Task OnQuoteAsync()
                    {
                        {|#0:lock (_book)|} { }
                        await Task.Yield();
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.RDY108.severity = warning
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.LockOnAsyncPath).WithLocation(0)
            .WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithArguments("lock (_book)", "an async path"));
        return test.RunAsync();
    }

    [Fact]
    public Task LockAcrossSourceMethodThatDoesNotBlock_IsDecidedAsRDY108()
    {
        var test = WithBlockingChain(new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                class OrderBook
                {
                    readonly object _book = new();
                    decimal _bid;

                    decimal Bid { get; set; }

                    async Task OnQuoteAsync(decimal bid)
                    {
                        await Task.Yield();
                        {|#0:lock (_book)|}
                        {
                            Apply(bid);
                            Bid = bid;
                        }
                    }

                    void Apply(decimal bid) => _bid = Round(bid);

                    static decimal Round(decimal price) => decimal.Round(price, 2);
                }
                """,
        });
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.LockOnAsyncPath).WithLocation(0).WithArguments("lock (_book)", "an async path"));
        return test.RunAsync();
    }

    [Fact]
    public Task LockAcrossChainLongerThanTheDepthLimit_IsRDY108()
    {
        var test = WithBlockingChain(new Verify.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;

                class OrderBook
                {
                    readonly object _book = new();

                    async Task OnTickAsync()
                    {
                        await Task.Yield();
                        {|RDY108:lock (_book)|}
                        {
                            Step1();
                        }
                    }

                    void Step1() => Step2();

                    void Step2() => Step3();

                    void Step3() => File.ReadAllText("book.json");
                }
                """,
        });
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.max_call_depth = 2
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task LockAcrossVirtualOrInterfaceCall_IsRDY108()
    {
        var test = WithBlockingChain(new Verify.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;

                interface ISnapshotStore { string Load(); }

                class FileSnapshotStore : ISnapshotStore
                {
                    public string Load() => File.ReadAllText("book.json");
                }

                class OrderBook
                {
                    readonly object _book = new();
                    readonly ISnapshotStore _store = new FileSnapshotStore();

                    async Task OnTickAsync()
                    {
                        await Task.Yield();
                        {|RDY108:lock (_book)|}
                        {
                            _ = _store.Load();
                            Refresh();
                        }
                    }

                    protected virtual void Refresh() => File.ReadAllText("book.json");
                }
                """,
        });
        return test.RunAsync();
    }

    [Fact]
    public Task LockWhoseBlockingSourceCallIsInALambda_IsRDY108()
    {
        var test = WithBlockingChain(new Verify.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Threading.Tasks;

                class OrderBook
                {
                    readonly object _book = new();
                    Action? _flush;

                    async Task OnTickAsync()
                    {
                        await Task.Yield();
                        {|RDY108:lock (_book)|}
                        {
                            _flush = () => Save();
                        }
                    }

                    void Save() => File.WriteAllText("book.json", "snapshot");
                }
                """,
        });
        return test.RunAsync();
    }

    [Fact]
    public Task LockAcrossBlockingSourceMethodOffTheAsyncPath_IsNotReported()
    {
        var test = WithBlockingChain(new Verify.Test
        {
            TestCode = """
                using System.IO;

                class Reports
                {
                    readonly object _gate = new();

                    void Write()
                    {
                        lock (_gate)
                        {
                            Save();
                        }
                    }

                    void Save() => File.WriteAllText("eod.csv", "eod");
                }
                """,
        });
        return test.RunAsync();
    }

    // Auto-property accessors have no body to follow: this lock is decided by BlockingCallAnalyzer alone.
    [Fact]
    public Task LockAcrossAutoPropertiesOnly_IsRDY108AsYouType() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        record Quote(decimal Bid, decimal Ask);

        class OrderBook
        {
            readonly object _book = new();

            decimal LastBid { get; set; }

            async Task OnQuoteAsync(Quote quote)
            {
                await Task.Yield();
                {|RDY108:lock (_book)|}
                {
                    LastBid = quote.Bid;
                }
            }
        }
        """);

    // A lock whose body calls source methods is decided by BlockingChainAnalyzer at compilation end,
    // through its CompilationEnd twins of RDY103/RDY108; markup ids resolve to the first descriptor
    // with that id (id, message, location and severity are what the harness compares).
    private static Verify.Test WithBlockingChain(Verify.Test test)
    {
        test.AlongsideAnalyzers.Add(new BlockingChainAnalyzer());
        test.MarkupOptions = MarkupOptions.UseFirstDescriptor;
        return test;
    }
}
