using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.BlockingCallAnalyzer, ReadinessAnalyzers.CodeFixes.BlockingCallCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.BlockingCall;

public sealed class RDY104SynchronousIOTests
{
    [Fact]
    public Task FileAndStreamCalls_AreAwaitedWithTheToken() => Verify.CodeFixAsync(
        """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Journal
        {
            async Task<string> ReplayAsync(string path, Stream socket, byte[] buffer, CancellationToken ct)
            {
                var text = {|RDY104:File.ReadAllText(path)|};
                {|RDY104:File.WriteAllBytes(path + ".bak", buffer)|}; // backup first
                var read = {|RDY104:socket.Read(buffer, 0, buffer.Length)|};
                {|RDY104:socket.Flush()|};
                using var reader = new StreamReader(path);
                var line = {|RDY104:reader.ReadLine()|};
                await Task.Yield();
                return text + read + line;
            }
        }
        """,
        """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Journal
        {
            async Task<string> ReplayAsync(string path, Stream socket, byte[] buffer, CancellationToken ct)
            {
                var text = await File.ReadAllTextAsync(path, ct);
                await File.WriteAllBytesAsync(path + ".bak", buffer, ct); // backup first
                var read = await socket.ReadAsync(buffer, 0, buffer.Length, ct);
                await socket.FlushAsync(ct);
                using var reader = new StreamReader(path);
                var line = await reader.ReadLineAsync(ct);
                await Task.Yield();
                return text + read + line;
            }
        }
        """);

    [Fact]
    public Task WithoutATokenInScope_TheSameParametersAreKept() => Verify.CodeFixAsync(
        """
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Snapshot
        {
            async Task<int> LoadAsync(string path, HttpClient http, HttpRequestMessage request)
            {
                var lines = {|RDY104:File.ReadAllLines(path)|};
                using var response = {|RDY104:http.Send(request)|};
                using var writer = new StreamWriter(path);
                {|RDY104:writer.WriteLine("loaded")|};
                await Task.Yield();
                return lines.Length;
            }
        }
        """,
        """
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Snapshot
        {
            async Task<int> LoadAsync(string path, HttpClient http, HttpRequestMessage request)
            {
                var lines = await File.ReadAllLinesAsync(path);
                using var response = await http.SendAsync(request);
                using var writer = new StreamWriter(path);
                await writer.WriteLineAsync("loaded");
                await Task.Yield();
                return lines.Length;
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheCallAndItsAlternative()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;

                class Journal
                {
                    Task SaveAsync(string path)
                    {
                        {|#0:File.WriteAllText(path, "fills")|};
                        return Task.CompletedTask;
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.SynchronousIO).WithLocation(0).WithArguments("File.WriteAllText", "File.WriteAllTextAsync"));
        return test.RunAsync();
    }

    [Fact]
    public Task NetworkDatabaseAndProcessCalls_AreReported() => Verify.AnalyzerAsync(
        """
        using System.Data.Common;
        using System.Diagnostics;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Venue
        {
            async Task ConnectAsync(DbConnection db, DbCommand command, Socket socket, byte[] buffer, Process hedger, WebClient web)
            {
                {|RDY104:db.Open()|};
                var rows = {|RDY104:command.ExecuteNonQuery()|};
                using var reader = {|RDY104:command.ExecuteReader()|};
                while ({|RDY104:reader.Read()|}) { }
                var addresses = {|RDY104:Dns.GetHostAddresses("api.venue.example")|};
                var received = {|RDY104:socket.Receive(buffer)|};
                {|RDY104:hedger.WaitForExit()|};
                var page = {|RDY104:web.DownloadString("https://api.venue.example/time")|};
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task AnySourceMethodWithAnAsyncTwin_IsReportedAndFixed() => Verify.CodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        record Quote(decimal Bid, decimal Ask);

        class VenueClient
        {
            public Quote GetQuote(string symbol) => new(1, 2);
            public Task<Quote> GetQuoteAsync(string symbol, CancellationToken ct = default) => Task.FromResult(GetQuote(symbol));
            public static void Login(string user) { }
            public static ValueTask LoginAsync(string user) => default;
        }

        class Strategy
        {
            async Task<decimal> MidAsync(VenueClient client)
            {
                {|RDY104:VenueClient.Login("desk-1")|};
                var quote = {|RDY104:client.GetQuote("BTC-USD")|};
                return (quote.Bid + quote.Ask) / 2;
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        record Quote(decimal Bid, decimal Ask);

        class VenueClient
        {
            public Quote GetQuote(string symbol) => new(1, 2);
            public Task<Quote> GetQuoteAsync(string symbol, CancellationToken ct = default) => Task.FromResult(GetQuote(symbol));
            public static void Login(string user) { }
            public static ValueTask LoginAsync(string user) => default;
        }

        class Strategy
        {
            async Task<decimal> MidAsync(VenueClient client)
            {
                await VenueClient.LoginAsync("desk-1");
                var quote = await client.GetQuoteAsync("BTC-USD");
                return (quote.Bid + quote.Ask) / 2;
            }
        }
        """);

    [Fact]
    public Task TwinThatRequiresAToken_IsFixedOnlyWithTheTokenInScope()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;

                class VenueClient
                {
                    public decimal GetMid(string symbol) => 1;
                    public Task<decimal> GetMidAsync(string symbol, CancellationToken ct) => Task.FromResult(GetMid(symbol));
                }

                class Strategy
                {
                    async Task<decimal> WithTokenAsync(VenueClient client, CancellationToken ct)
                    {
                        await Task.Yield();
                        return {|RDY104:client.GetMid("BTC-USD")|};
                    }

                    async Task<decimal> WithoutTokenAsync(VenueClient client)
                    {
                        await Task.Yield();
                        return {|#0:client.GetMid("ETH-USD")|};
                    }
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;

                class VenueClient
                {
                    public decimal GetMid(string symbol) => 1;
                    public Task<decimal> GetMidAsync(string symbol, CancellationToken ct) => Task.FromResult(GetMid(symbol));
                }

                class Strategy
                {
                    async Task<decimal> WithTokenAsync(VenueClient client, CancellationToken ct)
                    {
                        await Task.Yield();
                        return await client.GetMidAsync("BTC-USD", ct);
                    }

                    async Task<decimal> WithoutTokenAsync(VenueClient client)
                    {
                        await Task.Yield();
                        return {|#0:client.GetMid("ETH-USD")|};
                    }
                }
                """,
        };
        // Without a token in scope the only twin cannot be called: reported, not fixed.
        var unfixable = new DiagnosticResult(Rules.SynchronousIO).WithLocation(0).WithArguments("VenueClient.GetMid", "VenueClient.GetMidAsync");
        test.ExpectedDiagnostics.Add(unfixable);
        test.FixedState.ExpectedDiagnostics.Add(unfixable);
        return test.RunAsync();
    }

    [Fact]
    public Task ConfiguredBlockingMethods_AreReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                namespace Vendor
                {
                    public class Client
                    {
                        public void PlaceOrder(string order) { }
                        public void Cancel(string id, int reason) { }
                        public void Amend(string id) { }
                    }
                }

                class Router
                {
                    async Task RouteAsync(Vendor.Client client)
                    {
                        {|#0:client.PlaceOrder("buy")|};
                        {|RDY104:client.Amend("1")|};
                        client.Cancel("1", 0);
                        await Task.Yield();
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.blocking_methods = M:Vendor.Client.PlaceOrder(System.String), Client.Amend
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.SynchronousIO).WithLocation(0).WithArguments("Client.PlaceOrder", "an asynchronous alternative"));
        return test.RunAsync();
    }

    [Fact]
    public Task HotPathAndLockBody_AreReportedWithoutFix()
    {
        var source = """
            using System.IO;
            using System.Threading.Tasks;

            class Book
            {
                readonly object _gate = new();

                [HotPath]
                void OnFill(string path) => {|RDY104:File.AppendAllText(path, "fill")|};

                async Task SaveAsync(string path)
                {
                    {|RDY103:lock (_gate)|}
                    {
                        {|RDY104:File.WriteAllText(path, "book")|};
                    }

                    await Task.Yield();
                }
            }

            sealed class HotPathAttribute : System.Attribute { }
            """;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task InMemoryConsolePathsCancellationAndDispose_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.IO;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        record Order(string Id, decimal Px);

        class Codec
        {
            async Task<string> EncodeAsync(Order order, CancellationTokenSource cts, Stream network)
            {
                using var buffer = new MemoryStream();
                buffer.Write(Encoding.UTF8.GetBytes(order.Id));
                buffer.Flush();
                JsonSerializer.Serialize(buffer, order);
                var back = JsonSerializer.Deserialize<Order>(new MemoryStream(buffer.ToArray()));
                using var text = new StringWriter();
                text.Write(order.Px);
                var parsed = new StringReader("1.5").ReadToEnd();
                Console.WriteLine(order.Id);
                Console.Out.Flush();
                var exists = File.Exists("orders.json") && Path.GetExtension("a.json") == ".json";
                File.Delete("stale.json");
                cts.Cancel();
                cts.CancelAfter(100);
                network.Dispose();
                await Task.Yield();
                return text.ToString() + parsed + exists + back;
            }
        }
        """);

    [Fact]
    public Task LoggerCallsAndTheTwinItself_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        namespace Microsoft.Extensions.Logging
        {
            public interface ILogger
            {
                void Log(string message);
                Task LogAsync(string message);
            }
        }

        record Quote(decimal Bid);

        class VenueClient
        {
            public Quote GetQuote(string symbol) => new(1);

            // The async version wraps the sync one: not a mistake, and awaiting itself would recurse.
            public Task<Quote> GetQuoteAsync(string symbol) => Task.FromResult(GetQuote(symbol));

            async Task AuditAsync(Microsoft.Extensions.Logging.ILogger logger)
            {
                logger.Log("audit");
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task SyncCodeOffTheAsyncPath_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System.IO;

        class Config
        {
            string Load(string path) => File.ReadAllText(path);

            static void Main() => File.WriteAllText("pid", "1");
        }
        """);
}
