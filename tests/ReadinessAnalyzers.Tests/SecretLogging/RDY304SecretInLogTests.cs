using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.SecretLoggingAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.SecretLogging;

public sealed class RDY304SecretInLogTests
{
    private static Task AnalyzeAsync(string source)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("LoggingStandIns.cs", LoggingStandIns.Source));
        return test.RunAsync();
    }

    [Fact]
    public Task SecretsPassedToLoggers_AreReported() => AnalyzeAsync(
        """
        using System;
        using Microsoft.Extensions.Logging;

        sealed class ExchangeSettings
        {
            public string ApiKey { get; init; } = "";
            public string ApiSecret { get; init; } = "";
        }

        sealed partial class VenueSession(ILogger<VenueSession> logger, ExchangeSettings settings)
        {
            private readonly string _passphrase = Environment.GetEnvironmentVariable("PASSPHRASE") ?? "";

            public void Start(string apiToken)
            {
                logger.LogInformation("Connecting with key {ApiKey}", {|RDY304:settings.ApiKey|});
                logger.LogDebug($"Signing with {{|RDY304:settings.ApiSecret|}}");
                logger.LogWarning("Passphrase: " + {|RDY304:_passphrase|});
                logger.LogError(null, string.Format("token {0}", {|RDY304:apiToken|}));
                logger.Log(LogLevel.Information, "{Token}", {|RDY304:apiToken|}.Trim());
                using var scope = logger.BeginScope("session {Key}", {|RDY304:settings.ApiKey|});
                KeyInUse(logger, {|RDY304:settings.ApiKey|});
                s_keyLoaded(logger, {|RDY304:settings.ApiSecret|}, null);
            }

            private static readonly Action<ILogger, string, Exception?> s_keyLoaded =
                LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Loaded secret {Secret}");

            [LoggerMessage(2, LogLevel.Information, "Using API key {ApiKey}")]
            private static partial void KeyInUse(ILogger logger, string apiKey);

            private static partial void KeyInUse(ILogger logger, string apiKey) { }
        }
        """);

    [Fact]
    public Task SecretsWrittenToConsoleTraceAndExceptions_AreReported() => AnalyzeAsync(
        """
        using System;
        using System.Diagnostics;

        sealed class RestClient(string apiKey, string privateKey)
        {
            private const string ApiSecret = "Qk8Zt2Lw7Xm4Rv9N";

            public void Dump(bool refused)
            {
                Console.WriteLine({|RDY304:apiKey|});
                Console.Out.WriteLine($"secret={{|RDY304:ApiSecret|}}");
                Console.Error.Write("pk " + {|RDY304:privateKey|}.ToUpperInvariant());
                Debug.WriteLine({|RDY304:privateKey|});
                Trace.TraceInformation("key {0}", {|RDY304:apiKey|});
                if (refused)
                {
                    throw new InvalidOperationException($"Exchange refused API key {{|RDY304:apiKey|}}");
                }
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheSecretAndWhereItGoes()
    {
        var test = new Verify.Test
        {
            TestCode = """
                sealed class Signer
                {
                    private string _apiSecret = System.Environment.GetEnvironmentVariable("API_SECRET") ?? "";

                    public void Fail() => throw new System.ArgumentException("bad secret " + {|#0:_apiSecret|});
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.SecretInLog).WithLocation(0).WithArguments("_apiSecret", "an exception message"));
        return test.RunAsync();
    }

    [Fact]
    public Task StringsBuiltInALocal_AreFollowed() => AnalyzeAsync(
        """
        using System;
        using Microsoft.Extensions.Logging;

        sealed class Login(ILogger logger)
        {
            public void Connect(string user, string password)
            {
                var line = $"{user}:{password}";
                var message = "login " + line;
                logger.LogInformation({|RDY304:message|});

                var safe = $"{user} connected";
                logger.LogInformation(safe);
            }
        }
        """);

    [Fact]
    public Task LambdasLocalFunctionsAndTopLevelStatements_AreReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                var apiKey = Environment.GetEnvironmentVariable("API_KEY") ?? "";
                Action print = () => Console.WriteLine({|RDY304:apiKey|});
                Show(apiKey);

                static void Show(string secretKey) => Console.WriteLine($"[{{|RDY304:secretKey|}}]");

                sealed class Holder<T>
                {
                    public string Token { get; set; } = "";
                    public void Print() => Console.WriteLine({|RDY304:Token|});
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task NamesMaskedValuesAndNonSecrets_AreNotReported() => AnalyzeAsync(
        """
        using System;
        using Microsoft.Extensions.Logging;

        sealed class Startup(ILogger logger)
        {
            private const string ApiKeyVariable = "BINANCE_API_KEY";
            private const string ApiSecretKey = "BINANCE_API_SECRET";
            private readonly string _apiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) ?? "";
            private readonly int _tokens = 10;

            public void Check(string apiKeyPath, System.Threading.CancellationToken cancellationToken)
            {
                logger.LogInformation("ApiKey loaded");
                logger.LogInformation("{Setting} is set", nameof(_apiKey));
                logger.LogInformation("{Setting} is read from {Variable}", ApiSecretKey, ApiKeyVariable);
                logger.LogInformation("Key {Key}", MaskSecret(_apiKey));
                logger.LogInformation("Key {Key}", Redact(_apiKey));
                logger.LogInformation("Key ends with {Suffix}", _apiKey.Substring(_apiKey.Length - 4));
                logger.LogInformation("Key has {Length} characters, set: {Set}", _apiKey.Length, !string.IsNullOrEmpty(_apiKey));
                logger.LogInformation("Loading keys from {Path}", apiKeyPath);
                logger.LogInformation("Cancellation {Token}, rate tokens {Tokens}", cancellationToken, _tokens);
                Console.WriteLine($"{nameof(_apiKey)} missing");
                if (string.IsNullOrEmpty(_apiKey))
                {
                    throw new InvalidOperationException($"{ApiKeyVariable} is not set");
                }

                Login(_apiKey);
                LogOn(_apiKey);
            }

            private static string MaskSecret(string value) => value.Length > 4 ? "****" + value[^4..] : "****";
            private static string Redact(string value) => "***";
            private static void Login(string apiKey) { }
            private static void LogOn(string apiKey) { }
        }
        """);

    [Fact]
    public Task SecretsReadByKey_AreReported() => AnalyzeAsync(
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        sealed class Startup(ILogger logger, IReadOnlyDictionary<string, string> configuration)
        {
            public void Show()
            {
                logger.LogInformation("Secret {Secret}", {|RDY304:configuration["Binance:ApiSecret"]|});
                Console.WriteLine("key " + {|RDY304:Environment.GetEnvironmentVariable("BINANCE_API_KEY")|});
                Console.WriteLine("symbol " + configuration["Binance:Symbol"]);
                Console.WriteLine("set: " + (Environment.GetEnvironmentVariable("BINANCE_API_KEY") is not null));
            }
        }
        """);
}
