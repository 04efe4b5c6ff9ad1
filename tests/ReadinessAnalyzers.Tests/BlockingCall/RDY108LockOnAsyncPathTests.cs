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
}
