using System.Threading.Tasks;
using Xunit;

namespace ReadinessAnalyzers.Tests.HardcodedConfiguration;

/// <summary>RDY301 reports every secret-bearing input and never echoes any part of the secret.</summary>
public sealed class RDY301SecretNeverEchoedTests
{
    public static TheoryData<string, string> SecretBearingInputs() => new()
    {
        { """class C { string ApiSecret = "SECRET"; }""", "sk-demo-0000000000000000000000000000" },
        { """class C { private const string _binanceApiKey = "SECRET"; }""", "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A" },
        { """class C { public string Passphrase { get; } = "SECRET"; }""", "correct horse battery staple" },
        { """class C { void M() { var password = "SECRET"; System.Console.WriteLine(password); } }""", "hunter2-Prod!" },
        { """record R(string ApiKey); class C { R M() => new R("SECRET"); }""", "Gh7Tz2Lk9Qw4Rv8Nm3Px" },
        { """class C { void M(System.Net.Http.HttpClient h) => h.DefaultRequestHeaders.Add("X-MBX-APIKEY", "SECRET"); }""", "Yt5Kp2Zs8Lq1Wv6Xm3Nc" },
        { """class C { string ApiToken => "SECRET"; }""", "xoxb-1234-5678-abcdefghijkl" },
        { """class C { static readonly string Key = "SECRET"; }""", "9fK2mQ7xL4pW8zR3nT6vB1cY5hJ0" },
        { """class C { void M(string apiSecret = "SECRET") { } }""", "Qz8vLw2RkT5yNp3HmJ6cXa9B" },
        { """class C { string M() { return Local(); static string Local(string authToken = "SECRET") => authToken; } }""", "Zt9Kq3Lw6Xm2Rv8Np5Hc4Bd" },
        { """class C { const string Pem = "SECRET"; }""", "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oZ4Ii0L1bY7ZoAoGCCqGSM49\\n-----END EC PRIVATE KEY-----" },
        { """class C { void M(System.Action<string> a) => a("SECRET"); }""", "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318" },
        { """class C { string S = "SECRET"; }""", "AKIAZ7Q3RBCV6KFJ2M4N" },
        { """class C { string Bearer = "SECRET"; }""", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0cmFkZXIifQ.c2lnbmF0dXJlX2J5dGVz" },
        { """class C { string Q = "SECRET"; }""", "api_key=B2RoQk7wXz9LmT4v&side=Buy" },
        { """class C { string Cs = "SECRET"; }""", "Server=db.desk.internal;User Id=mm01;Password=x7Gh2!kLq;Database=fills" },
        { """class C { string Mq = "SECRET"; }""", "amqp://desk:Zq8Lm3Xw@mq.desk.internal:5672/" },
        { """class C { string Body = "SECRET"; }""", "{\\\"apiSecret\\\":\\\"Vt6Zq2Lx9Km4Wr7N\\\"}" },
        { """class C { string Q(string s) => $"symbol={s}SECRET"; }""", "&apiKey=Hs8Kq2Zx7Lw4Rm9T&recvWindow=5000" },
    };

    [Theory]
    [MemberData(nameof(SecretBearingInputs))]
    public async Task SecretBearingInput_IsReportedWithoutEchoingTheSecret(string template, string secret)
    {
        var diagnostics = await DiagnosticSecrecy.AnalyzeAsync(new HardcodedConfigurationAnalyzer(), template.Replace("SECRET", secret, System.StringComparison.Ordinal));

        Assert.Contains(diagnostics, d => d.Id == RuleIds.HardcodedSecret);
        // The literal's text as the compiler sees it (escapes resolved) is what must not leak.
        var value = secret.Replace("\\n", "\n", System.StringComparison.Ordinal).Replace("\\\"", "\"", System.StringComparison.Ordinal);
        DiagnosticSecrecy.AssertNothingEchoed(diagnostics, value);
        DiagnosticSecrecy.AssertNothingEchoed(diagnostics, secret);
    }
}
