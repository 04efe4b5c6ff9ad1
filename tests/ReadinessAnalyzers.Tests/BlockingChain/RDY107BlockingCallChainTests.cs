using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.BlockingChainAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.BlockingChain;

public sealed class RDY107BlockingCallChainTests
{
    [Fact]
    public Task ChainThroughTwoMethods_IsReportedWithTheChain()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;

                class BookService
                {
                    async Task OnTickAsync()
                    {
                        await Task.Yield();
                        {|#0:RefreshBook()|};
                    }

                    void RefreshBook() => LoadSnapshot();

                    string LoadSnapshot()
                    {
                        var path = "book.json";
                        return File.ReadAllText(path);
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingCallChain).WithLocation(0)
            .WithArguments("RefreshBook()", "RefreshBook → LoadSnapshot → File.ReadAllText (line 17)", "an async path"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public Task ChainsOfDepthOneToEight_AreReported(int depth) => Verify.AnalyzerAsync(Chain(depth, "{|RDY107:Step1()|}"));

    [Fact]
    public Task ChainLongerThanTheDefaultDepth_IsNotReported() => Verify.AnalyzerAsync(Chain(9, "Step1()"));

    [Fact]
    public Task ConfiguredDepth_IsRespected()
    {
        var test = new Verify.Test { TestCode = Chain(3, "Step1()") };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.max_call_depth = 2
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ShortestChainIsNamed_AndEachSiteReportedOnce()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;

                class Router
                {
                    async Task RouteAsync()
                    {
                        await Task.Yield();
                        {|#0:Validate()|};
                    }

                    void Validate()
                    {
                        Deep();
                        Shallow();
                    }

                    void Deep() => Deeper();
                    void Deeper() => Thread.Sleep(5);
                    void Shallow() => Thread.Sleep(1);
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingCallChain).WithLocation(0)
            .WithArguments("Validate()", "Validate → Shallow → Thread.Sleep (line 20)", "an async path"));
        return test.RunAsync();
    }

    [Fact]
    public Task RecursionAndMutualRecursion_Terminate() => Verify.AnalyzerAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Walker
        {
            async Task RunAsync(int n)
            {
                await Task.Yield();
                {|RDY107:Ping(n)|};
                Loop(n);
                {|RDY107:Self(n)|};
            }

            void Ping(int n) { if (n > 0) Pong(n - 1); }
            void Pong(int n) { if (n > 0) Ping(n - 1); else Thread.Sleep(1); }
            void Loop(int n) { if (n > 0) Loop(n - 1); }
            void Self(int n) { if (n > 0) Self(n - 1); Thread.Sleep(1); }
        }
        """);

    [Fact]
    public Task PartialClassesAndCrossFileCalls_AreFollowed()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Engine.cs", """
            using System.Threading.Tasks;

            partial class Engine
            {
                async Task StartAsync()
                {
                    await Task.Yield();
                    {|#0:Warmup()|};
                    {|#1:new Journal("j.log").Flush()|};
                }
            }
            """));
        test.TestState.Sources.Add(("Engine.Warmup.cs", """
            using System.Threading;

            partial class Engine
            {
                void Warmup() => Thread.Sleep(100);
            }
            """));
        test.TestState.Sources.Add(("Journal.cs", """
            using System.IO;

            class Journal
            {
                readonly string _path;
                public Journal(string path) => _path = path;
                public void Flush() => File.AppendAllText(_path, "flush");
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingCallChain).WithLocation(0)
            .WithArguments("Warmup()", "Warmup → Thread.Sleep (Engine.Warmup.cs, line 5)", "an async path"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingCallChain).WithLocation(1)
            .WithArguments("Flush()", "Flush → File.AppendAllText (Journal.cs, line 7)", "an async path"));
        return test.RunAsync();
    }

    [Fact]
    public Task LocalFunctionsPropertyGettersConstructorsGenericsAndExtensions_AreFollowed() => Verify.AnalyzerAsync(
        """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        static class BookExtensions
        {
            public static void Persist(this Book book) => File.WriteAllText("book", "b");
        }

        class Book
        {
            public Book() => Thread.Sleep(10);
            public decimal Mid => Compute();
            decimal Compute() { Thread.Sleep(1); return 0m; }
            public T Load<T>() where T : new() { Thread.Sleep(1); return new T(); }
        }

        class Quoter
        {
            async Task QuoteAsync()
            {
                await Task.Yield();
                var book = {|RDY107:new Book()|};
                var mid = {|RDY107:book.Mid|};
                var copy = {|RDY107:book.Load<Book>()|};
                {|RDY107:book.Persist()|};
                {|RDY107:Backoff()|};

                void Backoff() => Thread.Sleep(5);
            }
        }
        """);

    [Fact]
    public Task VirtualInterfaceAndDelegateCalls_AreNotFollowed() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        interface IStore { void Save(); }
        class Store : IStore { public void Save() => Thread.Sleep(1); }
        class BaseVenue { public virtual void Sync() => Thread.Sleep(1); }
        abstract class Feed { public abstract void Pump(); }

        class Engine
        {
            async Task RunAsync(IStore store, BaseVenue venue, Feed feed, Action hook)
            {
                await Task.Yield();
                store.Save();
                venue.Sync();
                feed.Pump();
                hook();
            }
        }
        """);

    [Fact]
    public Task CalleeBlockingOnlyInALambdaItDoesNotInvoke_IsNotBlocking() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Scheduler
        {
            Action? _later;

            async Task PlanAsync()
            {
                await Task.Yield();
                Schedule();
            }

            void Schedule()
            {
                _later = () => Thread.Sleep(100);
                new Thread(() => Thread.Sleep(100)).Start();
            }
        }
        """);

    [Fact]
    public Task CalleeBlockingOnlyInsideABranch_IsBlocking() => Verify.AnalyzerAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Throttle
        {
            async Task SendAsync(int weight)
            {
                await Task.Yield();
                {|RDY107:Wait(weight)|};
            }

            void Wait(int weight)
            {
                if (weight > 1000)
                {
                    Thread.Sleep(weight / 10);
                }
            }
        }
        """);

    [Fact]
    public Task AsyncCalleesMetadataCallsAndSyncCallers_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Engine
        {
            async Task RunAsync()
            {
                await FlushAsync();
                _ = Task.Run(() => Sleepy());
                Quiet();
            }

            Task FlushAsync() { Thread.Sleep(1); return Task.CompletedTask; }
            void Sleepy() => Thread.Sleep(1);
            void Quiet() { }

            void SyncCaller() => Sleepy();
        }
        """);

    [Fact]
    public Task HotPathCaller_IsReportedWithTheHotPathWording()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;

                class Risk
                {
                    [HotPath]
                    void Check() => {|#0:Reference()|};

                    decimal Reference() { Thread.Sleep(1); return 0m; }
                }

                sealed class HotPathAttribute : System.Attribute { }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingCallChain).WithLocation(0)
            .WithArguments("Reference()", "Reference → Thread.Sleep (line 8)", "a hot path"));
        return test.RunAsync();
    }

    [Fact]
    public Task CompletedTaskResultInCallee_IsNotBlocking() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        class Cache
        {
            async Task RunAsync()
            {
                await Task.Yield();
                Read(Task.FromResult(1));
                {|RDY107:ReadLive(Task.Run(() => 2))|};
            }

            int Read(Task<int> t) => Task.FromResult(3).Result;
            int ReadLive(Task<int> t) => t.Result;
        }
        """);

    [Fact]
    public Task ConfiguredBlockingMethodInSource_IsReportedByRDY104NotRDY107()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;

                namespace Vendor
                {
                    public class Client { public void PlaceOrder(string o) => Thread.Sleep(1); }
                }

                class Router
                {
                    async Task RouteAsync(Vendor.Client client)
                    {
                        await Task.Yield();
                        client.PlaceOrder("buy");
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.blocking_methods = Vendor.Client.PlaceOrder
            """));
        return test.RunAsync();
    }

    private static string Chain(int depth, string firstCall)
    {
        var text = new StringBuilder();
        text.AppendLine("using System.Threading;");
        text.AppendLine("using System.Threading.Tasks;");
        text.AppendLine();
        text.AppendLine("class Chain");
        text.AppendLine("{");
        text.AppendLine("    async Task RunAsync()");
        text.AppendLine("    {");
        text.AppendLine("        await Task.Yield();");
        text.AppendLine("        " + firstCall + ";");
        text.AppendLine("    }");
        for (var i = 1; i <= depth; i++)
        {
            var body = i == depth ? "Thread.Sleep(1)" : "Step" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "()";
            text.AppendLine("    void Step" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "() => " + body + ";");
        }

        text.AppendLine("}");
        return text.ToString();
    }
}
