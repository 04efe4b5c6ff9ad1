using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.BlockingCallAnalyzer, ReadinessAnalyzers.CodeFixes.BlockingCallCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.BlockingCall;

public sealed class RDY102SyncOverAsyncTests
{
    private const string Quotes = """

        record Quote(decimal Bid, decimal Ask);

        interface IVenue
        {
            Task<Quote> GetQuoteAsync(string symbol);
            ValueTask<decimal> GetBalanceAsync();
            ValueTask FlushAsync();
            Task SendAsync(string order);
        }
        """;

    [Fact]
    public Task Result_IsAwaited() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        class Quoter
        {
            async Task<decimal> MidAsync(IVenue venue)
            {
                var quote = {|RDY102:venue.GetQuoteAsync("BTC-USD").Result|};
                await Task.Yield();
                return (quote.Bid + quote.Ask) / 2;
            }
        }
        """ + Quotes,
        """
        using System.Threading.Tasks;

        class Quoter
        {
            async Task<decimal> MidAsync(IVenue venue)
            {
                var quote = await venue.GetQuoteAsync("BTC-USD");
                await Task.Yield();
                return (quote.Bid + quote.Ask) / 2;
            }
        }
        """ + Quotes);

    [Fact]
    public Task Message_NamesTheBlockingCall()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                class Quoter
                {
                    async Task<decimal> BidAsync(Task<decimal> bid) => {|#0:bid.Result|};
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;

                class Quoter
                {
                    async Task<decimal> BidAsync(Task<decimal> bid) => await bid;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.SyncOverAsync).WithLocation(0).WithArguments(".Result", "an async path"));
        return test.RunAsync();
    }

    [Fact]
    public Task MessageOnHotPath_SaysHotPath()
    {
        var source = """
            using System.Threading.Tasks;

            class Risk
            {
                [HotPath]
                decimal Reference(Task<decimal> px) => {|#0:px.Result|};
            }

            sealed class HotPathAttribute : System.Attribute { }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        var expected = new DiagnosticResult(Rules.SyncOverAsync).WithLocation(0).WithArguments(".Result", "a hot path");
        test.ExpectedDiagnostics.Add(expected);
        test.FixedState.ExpectedDiagnostics.Add(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task ResultInsideMemberAccess_IsParenthesised() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        class Quoter
        {
            async Task<decimal> SpreadAsync(IVenue venue)
            {
                var spread = {|RDY102:venue.GetQuoteAsync("ETH-USD").Result|}.Ask - {|RDY102:venue.GetQuoteAsync("ETH-USD").Result|}.Bid;
                await Task.Yield();
                return spread + {|RDY102:venue.GetBalanceAsync().Result|} * 0m;
            }
        }
        """ + Quotes,
        """
        using System.Threading.Tasks;

        class Quoter
        {
            async Task<decimal> SpreadAsync(IVenue venue)
            {
                var spread = (await venue.GetQuoteAsync("ETH-USD")).Ask - (await venue.GetQuoteAsync("ETH-USD")).Bid;
                await Task.Yield();
                return spread + await venue.GetBalanceAsync() * 0m;
            }
        }
        """ + Quotes);

    [Fact]
    public Task WaitAndGetResult_AreAwaited() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        class Router
        {
            async Task RouteAsync(IVenue venue)
            {
                {|RDY102:venue.SendAsync("buy 1").Wait()|};
                var quote = {|RDY102:venue.GetQuoteAsync("SOL-USD").GetAwaiter().GetResult()|};
                var balance = {|RDY102:venue.GetBalanceAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};
                {|RDY102:venue.FlushAsync().GetAwaiter().GetResult()|}; // flush before ack
                await Task.Yield();
            }
        }
        """ + Quotes,
        """
        using System.Threading.Tasks;

        class Router
        {
            async Task RouteAsync(IVenue venue)
            {
                await venue.SendAsync("buy 1");
                var quote = await venue.GetQuoteAsync("SOL-USD");
                var balance = await venue.GetBalanceAsync().ConfigureAwait(false);
                await venue.FlushAsync(); // flush before ack
                await Task.Yield();
            }
        }
        """ + Quotes);

    [Fact]
    public Task WaitAll_UsesWhenAll() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        class Hedger
        {
            async Task HedgeAsync(IVenue a, IVenue b)
            {
                var buy = a.SendAsync("buy");
                var sell = b.SendAsync("sell");
                {|RDY102:Task.WaitAll(buy, sell)|};
                {|RDY102:Task.WaitAll(new[] { buy, sell })|}; // both legs
            }
        }
        """ + Quotes,
        """
        using System.Threading.Tasks;

        class Hedger
        {
            async Task HedgeAsync(IVenue a, IVenue b)
            {
                var buy = a.SendAsync("buy");
                var sell = b.SendAsync("sell");
                await Task.WhenAll(buy, sell);
                await Task.WhenAll(new[] { buy, sell }); // both legs
            }
        }
        """ + Quotes);

    [Fact]
    public Task DiscardedWaitAny_UsesWhenAny() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        class Hedger
        {
            async Task HedgeAsync(IVenue a, IVenue b)
            {
                {|RDY102:Task.WaitAny(a.FlushAsync().AsTask(), b.FlushAsync().AsTask())|};
                await Task.Yield();
            }
        }
        """ + Quotes,
        """
        using System.Threading.Tasks;

        class Hedger
        {
            async Task HedgeAsync(IVenue a, IVenue b)
            {
                await Task.WhenAny(a.FlushAsync().AsTask(), b.FlushAsync().AsTask());
                await Task.Yield();
            }
        }
        """ + Quotes);

    [Fact]
    public Task WaitWithTimeoutAndUsedWaitAny_AreReportedWithoutFix() => Verify.CodeFixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Hedger
        {
            async Task HedgeAsync(IVenue a, IVenue b, CancellationToken ct)
            {
                var buy = a.SendAsync("buy");
                var sell = b.SendAsync("sell");
                var acked = {|RDY102:buy.Wait(TimeSpan.FromMilliseconds(200))|};
                {|RDY102:sell.Wait(ct)|};
                var first = {|RDY102:Task.WaitAny(buy, sell)|};
                {|RDY102:Task.WaitAll(new[] { buy, sell }, 500)|};
                await Task.Yield();
            }
        }
        """ + Quotes,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Hedger
        {
            async Task HedgeAsync(IVenue a, IVenue b, CancellationToken ct)
            {
                var buy = a.SendAsync("buy");
                var sell = b.SendAsync("sell");
                var acked = {|RDY102:buy.Wait(TimeSpan.FromMilliseconds(200))|};
                {|RDY102:sell.Wait(ct)|};
                var first = {|RDY102:Task.WaitAny(buy, sell)|};
                {|RDY102:Task.WaitAll(new[] { buy, sell }, 500)|};
                await Task.Yield();
            }
        }
        """ + Quotes);

    [Fact]
    public Task NonAsyncTaskReturningMethodAndHotPath_AreReportedWithoutFix()
    {
        var source = """
            using System.Threading.Tasks;

            class Gateway
            {
                Task<decimal> PriceAsync(IVenue venue) => Task.FromResult({|RDY102:venue.GetQuoteAsync("BTC").Result|}.Bid);

                [HotPath]
                void OnTick(IVenue venue)
                {
                    {|RDY102:venue.SendAsync("requote").Wait()|};
                }
            }

            sealed class HotPathAttribute : System.Attribute { }
            """ + Quotes;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task ResultInsideLockOnAsyncPath_IsReportedWithoutFix()
    {
        var source = """
            using System.Threading.Tasks;

            class Book
            {
                readonly object _gate = new();
                decimal _bid;

                async Task RefreshAsync(IVenue venue)
                {
                    {|RDY103:lock (_gate)|}
                    {
                        _bid = {|RDY102:venue.GetQuoteAsync("BTC").Result|}.Bid;
                    }

                    await Task.Yield();
                }
            }
            """ + Quotes;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task AsyncLambdaAndLocalFunction_AreFixed() => Verify.CodeFixAsync(
        """
        using System;
        using System.Threading.Tasks;

        class Poller
        {
            void Start(IVenue venue)
            {
                Func<Task<decimal>> bid = async () => {|RDY102:venue.GetQuoteAsync("BTC").Result|}.Bid;

                async Task PollAsync()
                {
                    var q = {|RDY102:venue.GetQuoteAsync("BTC").Result|};
                    await Task.Yield();
                }

                _ = bid;
                _ = PollAsync();
            }
        }
        """ + Quotes,
        """
        using System;
        using System.Threading.Tasks;

        class Poller
        {
            void Start(IVenue venue)
            {
                Func<Task<decimal>> bid = async () => (await venue.GetQuoteAsync("BTC")).Bid;

                async Task PollAsync()
                {
                    var q = await venue.GetQuoteAsync("BTC");
                    await Task.Yield();
                }

                _ = bid;
                _ = PollAsync();
            }
        }
        """ + Quotes);

    [Fact]
    public Task ResultAfterAwaitOfTheSameTask_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        class Quoter
        {
            Task<Quote> _pending = Task.FromResult(new Quote(1, 2));

            async Task<decimal> MidAsync(IVenue venue, Task<Quote> given)
            {
                var quote = venue.GetQuoteAsync("BTC");
                await quote;
                await given.ConfigureAwait(false);
                await this._pending;
                if (quote.Result.Bid > 0)
                {
                    return quote.Result.Bid + given.Result.Ask + _pending.Result.Bid + quote.GetAwaiter().GetResult().Ask;
                }

                quote.Wait();
                return 0;
            }
        }
        """ + Quotes);

    [Fact]
    public Task ResultAfterAwaitedWhenAll_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System.Linq;
        using System.Threading.Tasks;

        class Aggregator
        {
            async Task<decimal> BestBidAsync(IVenue a, IVenue b, IVenue[] venues)
            {
                var qa = a.GetQuoteAsync("BTC");
                var qb = b.GetQuoteAsync("BTC");
                await Task.WhenAll(qa, qb).ConfigureAwait(false);
                var best = qa.Result.Bid > qb.Result.Bid ? qa.Result.Bid : qb.Result.Bid;

                var all = venues.Select(v => v.GetQuoteAsync("BTC")).ToArray();
                await Task.WhenAll(all);
                foreach (var q in all)
                {
                    best = q.Result.Bid > best ? q.Result.Bid : best;
                }

                return best + all[0].Result.Ask + all.Sum(t => t.Result.Bid);
            }
        }
        """ + Quotes);

    [Fact]
    public Task ElementsOfAnAwaitedCollection_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        class Reconnector
        {
            async Task<bool> ReconnectAsync(List<Task<bool>> taskList, Task<bool>[] more)
            {
                await Task.WhenAll(taskList).ConfigureAwait(false);
                if (taskList.Any(t => !t.Result))
                {
                    var failed = taskList.First(t => !t.Result).Result;
                    var error = taskList.FirstOrDefault(x => !x.Result);
                    return failed || (error != null && error.Result);
                }

                await Task.WhenAll(more);
                foreach (var t in more.Where(x => x.IsCompleted))
                {
                    _ = t.Result;
                }

                return more.Last().Result && more.ElementAt(0).Result && more.Skip(1).First().Result;
            }
        }
        """);

    [Fact]
    public Task ElementsOfACollectionNotAwaited_AreReported() => Verify.AnalyzerAsync(
        """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        class Reconnector
        {
            async Task<bool> ReconnectAsync(List<Task<bool>> taskList, List<Task<bool>> other)
            {
                await Task.WhenAll(other);
                var first = {|RDY102:taskList.First().Result|};
                var pick = taskList.Last();
                pick = taskList.First();
                return first && {|RDY102:pick.Result|} && {|RDY102:other.Concat(taskList).First().Result|};
            }
        }
        """);

    [Fact]
    public Task ResultGuardedByCompletionChecks_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        class Fast
        {
            async ValueTask<decimal> BalanceAsync(IVenue venue)
            {
                var pending = venue.GetBalanceAsync();
                if (pending.IsCompletedSuccessfully)
                {
                    return pending.Result;
                }

                return await pending;
            }

            async Task<decimal> BidAsync(Task<Quote> quote, bool cached)
            {
                var a = quote.IsCompleted ? quote.Result.Bid : (await quote).Bid;
                var b = cached && quote.IsCompleted && quote.Result.Bid > 0 ? 1m : 0m;
                if (!quote.IsCompleted)
                {
                    await Task.Yield();
                }
                else
                {
                    a += quote.Result.Bid;
                }

                return a + b;
            }

            async Task<decimal> GuardedAsync(Task<Quote> quote)
            {
                if (!quote.IsCompleted)
                {
                    await quote;
                }

                var bid = quote.Result.Bid;
                if (quote.Status != TaskStatus.RanToCompletion)
                {
                    return 0;
                }

                return bid + quote.Result.Ask;
            }

            async Task<decimal> EarlyExitAsync(Task<Quote> quote)
            {
                if (!quote.IsCompleted)
                    return 0;
                await Task.Yield();
                return quote.Result.Bid;
            }
        }
        """ + Quotes);

    [Fact]
    public Task TasksCreatedComplete_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;

        class Stub
        {
            readonly Lazy<decimal> _fee = new(() => 0.1m);

            async Task<decimal> FeeAsync()
            {
                var fee = Task.FromResult(_fee.Value).Result;
                Task.CompletedTask.Wait();
                Task.CompletedTask.GetAwaiter().GetResult();
                var vt = new ValueTask<decimal>(2m).Result;
                await Task.Yield();
                return fee + vt + ValueTask.FromResult(1m).Result;
            }
        }
        """);

    [Fact]
    public Task SyncCodeNameOfZeroWaitAndContinuations_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;

        class Legacy
        {
            decimal Bid(IVenue venue) => venue.GetQuoteAsync("BTC").Result.Bid;

            static void Main() => Task.Delay(10).Wait();

            async Task<string> DescribeAsync(Task<Quote> quote)
            {
                var ready = quote.Wait(0) || quote.Wait(TimeSpan.Zero);
                await Task.Yield();
                _ = quote.ContinueWith(t => t.Result.Bid);
                Func<decimal> later = () => quote.Result.Ask;
                return nameof(quote.Result) + ready + later;
            }
        }
        """ + Quotes);

    [Fact]
    public Task TaskReassignedAfterAwait_IsReported() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        class Refresher
        {
            async Task<decimal> RefreshAsync(IVenue venue)
            {
                var quote = venue.GetQuoteAsync("BTC");
                await quote;
                quote = venue.GetQuoteAsync("ETH");
                return {|RDY102:quote.Result|}.Bid;
            }

            async Task<decimal> LoopAsync(IVenue venue)
            {
                var quote = venue.GetQuoteAsync("BTC");
                await quote;
                decimal sum = 0;
                for (var i = 0; i < 3; i++)
                {
                    sum += {|RDY102:quote.Result|}.Bid;
                    quote = venue.GetQuoteAsync("BTC");
                }

                return sum;
            }

            async Task<decimal> OutArgumentAsync(IVenue venue)
            {
                var quote = venue.GetQuoteAsync("BTC");
                await quote;
                Replace(out quote, venue);
                return {|RDY102:quote.Result|}.Bid;
            }

            static void Replace(out Task<Quote> quote, IVenue venue) => quote = venue.GetQuoteAsync("X");
        }
        """ + Quotes);

    [Fact]
    public Task AwaitThatDoesNotDominate_IsReported() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        class Refresher
        {
            async Task<decimal> ConditionalAsync(IVenue venue, bool warm)
            {
                var quote = venue.GetQuoteAsync("BTC");
                if (warm)
                {
                    await quote;
                }

                return {|RDY102:quote.Result|}.Bid;
            }

            async Task<decimal> AfterUseAsync(IVenue venue)
            {
                var quote = venue.GetQuoteAsync("BTC");
                var bid = {|RDY102:quote.Result|}.Bid;
                await quote;
                return bid;
            }

            async Task<decimal> ShortCircuitAsync(IVenue venue, bool warm)
            {
                var quote = venue.GetQuoteAsync("BTC");
                _ = warm && (await quote).Bid > 0;
                return {|RDY102:quote.Result|}.Bid;
            }

            async Task<decimal> WhenAnyAsync(IVenue a, IVenue b)
            {
                var qa = a.GetQuoteAsync("BTC");
                var qb = b.GetQuoteAsync("BTC");
                await Task.WhenAny(qa, qb);
                return {|RDY102:qa.Result|}.Bid;
            }

            async Task<decimal> TryAsync(IVenue venue)
            {
                var quote = venue.GetQuoteAsync("BTC");
                try
                {
                    await quote;
                }
                catch (System.TimeoutException)
                {
                }

                return {|RDY102:quote.Result|}.Bid;
            }

            async Task<decimal> WrongGuardAsync(Task<Quote> quote, Task<Quote> other)
            {
                await Task.Yield();
                if (other.IsCompleted)
                {
                    return {|RDY102:quote.Result|}.Bid;
                }

                if (quote.IsCompleted || other.IsCompleted)
                {
                    return {|RDY102:quote.Result|}.Bid;
                }

                return 0;
            }

            async Task<decimal> AwaitedInNestedLambdaAsync(Task<Quote> quote)
            {
                System.Func<Task> inner = async () => await quote;
                await inner();
                return {|RDY102:quote.Result|}.Bid;
            }
        }
        """ + Quotes);

    [Fact]
    public Task TopLevelStatementsWithAwait_AreFixed()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                var balance = {|RDY102:Task.Run(() => 42m).Result|};
                await Task.Yield();
                """,
            FixedCode = """
                using System.Threading.Tasks;

                var balance = await Task.Run(() => 42m);
                await Task.Yield();
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task GenericPartialAndExpressionBodiedMembers_AreFixed() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        partial class Cache<TKey> where TKey : notnull
        {
            async Task<T> GetAsync<T>(Task<T> load) => {|RDY102:load.Result|};
        }

        partial class Cache<TKey>
        {
            async ValueTask<int> CountAsync(ValueTask<int> count)
            {
                await Task.Yield();
                return {|RDY102:count.Result|};
            }
        }
        """,
        """
        using System.Threading.Tasks;

        partial class Cache<TKey> where TKey : notnull
        {
            async Task<T> GetAsync<T>(Task<T> load) => await load;
        }

        partial class Cache<TKey>
        {
            async ValueTask<int> CountAsync(ValueTask<int> count)
            {
                await Task.Yield();
                return await count;
            }
        }
        """);

    [Fact]
    public Task FixAll_KeepsTriviaAcrossDocuments()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Quoter.cs", """
            using System.Threading.Tasks;

            class Quoter
            {
                async Task<decimal> MidAsync(IVenue venue)
                {
                    // the venue answers in microseconds; blocking "is fine"
                    var quote = {|RDY102:venue.GetQuoteAsync("BTC").Result|}; // hot
                    return quote.Bid;
                }
            }
            """ + Quotes));
        test.TestState.Sources.Add(("Router.cs", """
            using System.Threading.Tasks;

            class Router
            {
                async Task RouteAsync(IVenue venue)
                {
                    {|RDY102:venue.SendAsync("sell").Wait()|}; /* ack */
                    await Task.Yield();
                }
            }
            """));
        test.FixedState.Sources.Add(("Quoter.cs", """
            using System.Threading.Tasks;

            class Quoter
            {
                async Task<decimal> MidAsync(IVenue venue)
                {
                    // the venue answers in microseconds; blocking "is fine"
                    var quote = await venue.GetQuoteAsync("BTC"); // hot
                    return quote.Bid;
                }
            }
            """ + Quotes));
        test.FixedState.Sources.Add(("Router.cs", """
            using System.Threading.Tasks;

            class Router
            {
                async Task RouteAsync(IVenue venue)
                {
                    await venue.SendAsync("sell"); /* ack */
                    await Task.Yield();
                }
            }
            """));
        return test.RunAsync();
    }
}
