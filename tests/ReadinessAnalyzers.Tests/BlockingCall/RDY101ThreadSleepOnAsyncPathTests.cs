using System.Threading.Tasks;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.BlockingCallAnalyzer, ReadinessAnalyzers.CodeFixes.BlockingCallCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.BlockingCall;

public sealed class RDY101ThreadSleepOnAsyncPathTests
{
    [Fact]
    public Task SleepsInAsyncMethod_AreReplacedByTaskDelay() => Verify.CodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class QuoteFeed
        {
            async Task PollAsync()
            {
                {|RDY101:Thread.Sleep(250)|}; // back off
                {|RDY101:Thread.Sleep(50)|};
                await Task.Yield();
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        class QuoteFeed
        {
            async Task PollAsync()
            {
                await Task.Delay(250); // back off
                await Task.Delay(50);
                await Task.Yield();
            }
        }
        """);
}
