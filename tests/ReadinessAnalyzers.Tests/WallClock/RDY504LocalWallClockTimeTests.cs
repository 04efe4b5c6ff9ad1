using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.WallClockAnalyzer, ReadinessAnalyzers.CodeFixes.WallClockCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.WallClock;

public sealed class RDY504LocalWallClockTimeTests
{
    [Fact]
    public Task EveryLocalClock_IsReplacedByUtc() => Verify.CodeFixAsync(
        """
        using System;

        class OrderRouter
        {
            DateTime _created;
            DateTimeOffset _sent;

            void Place()
            {
                _created = {|RDY504:DateTime.Now|}; // stamped when the order is built
                _sent = {|RDY504:DateTimeOffset.Now|};
                var session = {|RDY504:DateTime.Today|};
                var offset = _created - {|RDY504:System.DateTime.Now|};
                Console.WriteLine($"{{|RDY504:DateTime.Now|}:HH:mm:ss} placed");
            }
        }
        """,
        """
        using System;

        class OrderRouter
        {
            DateTime _created;
            DateTimeOffset _sent;

            void Place()
            {
                _created = DateTime.UtcNow; // stamped when the order is built
                _sent = DateTimeOffset.UtcNow;
                var session = DateTime.UtcNow.Date;
                var offset = _created - System.DateTime.UtcNow;
                Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} placed");
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheClockAndItsUtcTwin()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                class Session
                {
                    DateTime Start() => {|#0:DateTime.Today|};
                }
                """,
            FixedCode = """
                using System;

                class Session
                {
                    DateTime Start() => DateTime.UtcNow.Date;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.LocalWallClockTime).WithLocation(0)
            .WithArguments("DateTime.Today", "DateTime.UtcNow.Date"));
        return test.RunAsync();
    }

    [Fact]
    public Task UsingStatic_ClockIsReplaced() => Verify.CodeFixAsync(
        """
        using static System.DateTime;

        class Journal
        {
            System.DateTime Stamp() => {|RDY504:Now|};
            System.DateTime Day() => {|RDY504:Today|};
        }
        """,
        """
        using static System.DateTime;

        class Journal
        {
            System.DateTime Stamp() => UtcNow;
            System.DateTime Day() => UtcNow.Date;
        }
        """);

    [Fact]
    public Task FieldInitializersLambdasLocalFunctionsAndTopLevelStatements_AreReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Threading.Tasks;

                var started = {|RDY504:DateTime.Now|};
                Func<DateTime> clock = () => {|RDY504:DateTime.Now|};
                await Task.Run(() => Console.WriteLine({|RDY504:DateTimeOffset.Now|}));
                DateTime Local() => {|RDY504:DateTime.Now|};
                Console.WriteLine(started + (clock() - Local()));

                partial class Heartbeat<T>
                {
                    private readonly DateTime _bootedAt = {|RDY504:DateTime.Now|};
                    public DateTime LastBeat { get; set; } = {|RDY504:DateTime.Now|};
                }
                """,
            FixedCode = """
                using System;
                using System.Threading.Tasks;

                var started = DateTime.UtcNow;
                Func<DateTime> clock = () => DateTime.UtcNow;
                await Task.Run(() => Console.WriteLine(DateTimeOffset.UtcNow));
                DateTime Local() => DateTime.UtcNow;
                Console.WriteLine(started + (clock() - Local()));

                partial class Heartbeat<T>
                {
                    private readonly DateTime _bootedAt = DateTime.UtcNow;
                    public DateTime LastBeat { get; set; } = DateTime.UtcNow;
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task UtcClocksTimeProviderAndOtherMembers_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;

        class Clocks
        {
            private readonly TimeProvider _time = TimeProvider.System;

            void Read()
            {
                var a = DateTime.UtcNow;
                var b = DateTimeOffset.UtcNow;
                var c = DateTime.UtcNow.Date;
                var d = _time.GetUtcNow();
                var e = _time.GetLocalNow();
                var f = DateTime.UtcNow.ToLocalTime();
                var g = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Date;
                var h = nameof(DateTime.Now);
                var i = DateTime.UtcNow.Day;
                var j = DateTimeOffset.UtcNow.LocalDateTime;
            }
        }
        """);

    [Fact]
    public Task NowComparedWithALocalFileTime_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.IO;

        class DataCache
        {
            bool IsOutOfDate(string path, int days)
                => DateTime.Now - TimeSpan.FromDays(days) > File.GetLastWriteTime(path);

            bool IsFresh(FileInfo file) => file.LastWriteTime >= DateTime.Now.AddMinutes(-5);

            double HoursIdle(string folder) => (DateTime.Now - Directory.GetLastAccessTime(folder)).TotalHours;

            void Clean(string folder)
            {
                var frontierToDelete = DateTime.Now.AddHours(-24);
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    if (File.GetCreationTime(file) < frontierToDelete)
                    {
                        File.Delete(file);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task NowComparedWithAnythingElse_IsReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.IO;

        class Expiry
        {
            DateTime _expiresUtc;

            bool MixesUtcFileTimeWithLocalTime(string path) => {|RDY504:DateTime.Now|} > File.GetLastWriteTimeUtc(path);

            bool IsExpired()
            {
                var now = {|RDY504:DateTime.Now|};
                return now > _expiresUtc;
            }

            bool IsStale(string path)
            {
                var cutoff = {|RDY504:DateTime.Now|}.AddHours(-1);
                Console.WriteLine(File.GetLastWriteTime(path));
                return cutoff > _expiresUtc;
            }
        }
        """);

    [Fact]
    public Task NowMembersOfOtherTypes_AreNotReported() => Verify.AnalyzerAsync(
        """
        class Clock
        {
            public static System.DateTime Now => System.DateTime.UtcNow;
            public static System.DateTime Today => System.DateTime.UtcNow.Date;
            public System.DateTime Instance => Now;
        }

        class Quoter
        {
            System.DateTime Stamp() => Clock.Now;
            System.DateTime Day() => Clock.Today;
        }
        """);

    [Fact]
    public Task ConfiguredDisplayNamespaces_MayUseLocalTime()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                namespace Engine.Ui
                {
                    class Dashboard
                    {
                        string Clock() => DateTime.Now.ToString("T", System.Globalization.CultureInfo.CurrentCulture);
                    }
                }

                namespace Engine.Ui.Charts
                {
                    class Candles
                    {
                        DateTime Today() => DateTime.Today;
                    }
                }

                namespace Engine.UiTests
                {
                    class Snapshot
                    {
                        DateTime Taken() => {|RDY504:DateTime.Now|};
                    }
                }

                namespace Engine.Orders
                {
                    class Router
                    {
                        DateTime Stamp() => {|RDY504:DateTimeOffset.Now|}.DateTime;
                    }
                }
                """,
            FixedCode = """
                using System;

                namespace Engine.Ui
                {
                    class Dashboard
                    {
                        string Clock() => DateTime.Now.ToString("T", System.Globalization.CultureInfo.CurrentCulture);
                    }
                }

                namespace Engine.Ui.Charts
                {
                    class Candles
                    {
                        DateTime Today() => DateTime.Today;
                    }
                }

                namespace Engine.UiTests
                {
                    class Snapshot
                    {
                        DateTime Taken() => DateTime.UtcNow;
                    }
                }

                namespace Engine.Orders
                {
                    class Router
                    {
                        DateTime Stamp() => DateTimeOffset.UtcNow.DateTime;
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.wall_clock_allowed_namespaces = Engine.Ui, Tools.Reports
            """));
        return test.RunAsync();
    }
}
