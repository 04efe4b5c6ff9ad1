using System.Threading.Tasks;
using Xunit;

namespace ReadinessAnalyzers.Tests.SecretLogging;

/// <summary>RDY304 names the secret-like symbol, never its value.</summary>
public sealed class RDY304SecretNeverEchoedTests
{
    public static TheoryData<string, string> SecretBearingInputs() => new()
    {
        { """class C { const string ApiSecret = "SECRET"; void M() => System.Console.WriteLine(ApiSecret); }""", "Qk8Zt2Lw7Xm4Rv9N" },
        { """class C { string Password = "SECRET"; void M() => throw new System.Exception("pw " + Password); }""", "hunter2-Prod!" },
        { """class C { void M() { var apiKey = "SECRET"; System.Diagnostics.Debug.WriteLine($"k={apiKey}"); } }""", "vmPUZE6mv9SD5VNHk4Hl" },
        { """class C { static readonly string Token = "SECRET"; void M() { var line = "t " + Token; System.Console.WriteLine(line); } }""", "xoxb-1234-5678-abcdefghijkl" },
    };

    [Theory]
    [MemberData(nameof(SecretBearingInputs))]
    public async Task SecretBearingInput_IsReportedWithoutEchoingTheSecret(string template, string secret)
    {
        var diagnostics = await DiagnosticSecrecy.AnalyzeAsync(new SecretLoggingAnalyzer(), template.Replace("SECRET", secret, System.StringComparison.Ordinal));

        Assert.Contains(diagnostics, d => d.Id == RuleIds.SecretInLog);
        DiagnosticSecrecy.AssertNothingEchoed(diagnostics, secret);
    }
}
