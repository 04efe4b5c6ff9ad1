using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.ExceptionHandlingAnalyzer, ReadinessAnalyzers.CodeFixes.ExceptionHandlingCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.ExceptionHandling;

public sealed class RDY403ProcessExitTests
{
    [Fact]
    public Task Message_NamesTheCall()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                class PositionBook
                {
                    void HaltTrading(decimal realizedPnl)
                    {
                        Console.Error.WriteLine("daily loss limit hit; halting the engine");
                        {|#0:Environment.Exit(3)|};
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ProcessExit).WithLocation(0).WithArguments("Environment.Exit"));
        return test.RunAsync();
    }

    [Fact]
    public Task ExitAndFailFastOutsideTheEntryPoint_AreReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;

        class RiskEngine
        {
            private readonly Action<int> _exit = {|RDY403:Environment.Exit|};

            public RiskEngine()
            {
                AppDomain.CurrentDomain.UnhandledException += (_, _) => {|RDY403:Environment.Exit(1)|};
            }

            public void OnBreach(string reason)
            {
                try
                {
                    Flatten();
                }
                catch (Exception ex)
                {
                    {|RDY403:Environment.FailFast("flatten failed: " + reason, ex)|};
                }
            }

            public Task WatchAsync() => Task.Run(() =>
            {
                Check();

                void Check() => {|RDY403:System.Environment.Exit(2)|};
            });

            // An instance method named Main is not an entry point.
            public void Main() => {|RDY403:Environment.Exit(0)|};

            void Flatten() { }
        }

        static class Program
        {
            static int Main() => Run();

            // The entry point's helpers are code like any other: only Main owns the process.
            static int Run()
            {
                {|RDY403:Environment.Exit(4)|};
                return 0;
            }
        }
        """);

    [Fact]
    public Task StaticMain_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;

        static class Program
        {
            static async Task<int> Main(string[] args)
            {
                Console.CancelKeyPress += (_, _) => Environment.Exit(130);
                if (args.Length == 0)
                {
                    Environment.Exit(2);
                }

                await Task.Yield();
                Stop();
                return 0;

                void Stop() => Environment.FailFast("stop requested");
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_AreNotReported_ButTypesDeclaredBesideThemAre()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System;

                    var engine = new Engine();
                    if (!engine.Start())
                    {
                        Environment.Exit(1);
                    }

                    Shutdown();

                    static void Shutdown() => Environment.Exit(0);

                    class Engine
                    {
                        public bool Start()
                        {
                            {|RDY403:Environment.Exit(5)|};
                            return true;
                        }
                    }
                    """,
                },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task OtherExitsAndLookAlikes_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;

        class Session
        {
            public void Exit(int code) { }

            void Close()
            {
                Exit(1);
                Environment.ExitCode = 2;
                Console.WriteLine(Environment.ProcessorCount);
            }
        }

        namespace Engine
        {
            static class Environment
            {
                public static void Exit(int code) { }
            }

            class Host
            {
                void Stop() => Environment.Exit(0);
            }
        }
        """);
}
