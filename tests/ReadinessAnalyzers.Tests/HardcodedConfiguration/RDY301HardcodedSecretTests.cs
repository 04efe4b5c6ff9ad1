using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.HardcodedConfigurationAnalyzer, ReadinessAnalyzers.CodeFixes.HardcodedConfigurationCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.HardcodedConfiguration;

public sealed class RDY301HardcodedSecretTests
{
    // Every test input below also proves that no reported diagnostic echoes a marked secret: each
    // literal under {|RDY301:…|} is a secret, and no 4-character piece of it may be in a message or property.
    private static async Task FixAndCheckAsync(string source, string fixedSource)
    {
        await Verify.CodeFixAsync(source, fixedSource);
        await AssertNoSecretEchoedAsync(source);
    }

    private static async Task AnalyzeAndCheckAsync(string source)
    {
        await Verify.AnalyzerAsync(source);
        await AssertNoSecretEchoedAsync(source);
    }

    private static async Task RunAndCheckAsync(Verify.Test test)
    {
        await test.RunAsync();
        await AssertNoSecretEchoedAsync(test.TestState.Sources[0].content.ToString());
    }

    private static async Task AssertNoSecretEchoedAsync(string markedSource)
    {
        var secrets = Regex.Matches(markedSource, @"\{\|(?:RDY301|#0):(.*?)\|\}", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToList();
        var source = Regex.Replace(markedSource, @"\{\|(?:RDY301|#0):(.*?)\|\}", "$1", RegexOptions.Singleline);
        var diagnostics = await DiagnosticSecrecy.AnalyzeAsync(new HardcodedConfigurationAnalyzer(), source);
        foreach (var secret in secrets)
        {
            // The secret as written (quotes, escapes) and as the compiler reads it.
            DiagnosticSecrecy.AssertNothingEchoed(diagnostics, secret.Trim('"', '$', '@'));
            DiagnosticSecrecy.AssertNothingEchoed(diagnostics, Regex.Unescape(secret.Trim('"', '$', '@')));
        }
    }

    [Fact]
    public Task SecretNamedFieldsPropertiesAndLocals_ReadTheEnvironment() => FixAndCheckAsync(
        """
        using System;

        class BinanceSettings
        {
            private static readonly string _binanceApiKey = {|RDY301:"vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"|};
            public string ApiSecret { get; } = {|RDY301:"NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"|}; // testnet
            public string Passphrase { get; set; }

            public void Load()
            {
                var password = {|RDY301:"hunter2-Prod!"|};
                Passphrase = /* desk account */ {|RDY301:"correct horse battery staple"|};
                Console.WriteLine(password.Length);
            }
        }
        """,
        """
        using System;

        class BinanceSettings
        {
            private static readonly string _binanceApiKey = Environment.GetEnvironmentVariable("BINANCE_API_KEY") ?? throw new InvalidOperationException("BINANCE_API_KEY is not set");
            public string ApiSecret { get; } = Environment.GetEnvironmentVariable("API_SECRET") ?? throw new InvalidOperationException("API_SECRET is not set"); // testnet
            public string Passphrase { get; set; }

            public void Load()
            {
                var password = Environment.GetEnvironmentVariable("PASSWORD") ?? throw new InvalidOperationException("PASSWORD is not set");
                Passphrase = /* desk account */ Environment.GetEnvironmentVariable("PASSPHRASE") ?? throw new InvalidOperationException("PASSPHRASE is not set");
                Console.WriteLine(password.Length);
            }
        }
        """);

    [Fact]
    public Task Message_ShowsTheNameAndLengthOnly()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Keys
                {
                    string ApiSecret = {|#0:"sk-demo-0000000000000000000000000000"|};
                }
                """,
            FixedCode = """
                using System;

                class Keys
                {
                    string ApiSecret = Environment.GetEnvironmentVariable("API_SECRET") ?? throw new InvalidOperationException("API_SECRET is not set");
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HardcodedSecret).WithLocation(0).WithArguments("ApiSecret", 36));
        return RunAndCheckAsync(test);
    }

    [Fact]
    public Task ObjectInitializersArgumentsAndKeyedValues_ReadTheEnvironment() => FixAndCheckAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;

        sealed class ExchangeSettings
        {
            public required string ApiKey { get; init; }
            public required string ApiSecret { get; init; }
        }

        sealed record Credentials(string ApiKey, string PrivateKey);

        static class Setup
        {
            public static ExchangeSettings Demo() => new()
            {
                ApiKey = {|RDY301:"demo-key-0000000000000000"|},
                ApiSecret = {|RDY301:"sk-demo-0000000000000000000000000000"|},
            };

            public static Credentials Signer() => new({|RDY301:"k7Fq2ZxW9pLm4RtB"|}, PrivateKey: {|RDY301:"Lq3Vn8Zr1Tx6Wm2Pk9Hs"|});

            public static void Headers(HttpClient http, Dictionary<string, string> env)
            {
                http.DefaultRequestHeaders.Add("X-MBX-APIKEY", {|RDY301:"Gh7Tz2Lk9Qw4Rv8Nm3Px"|});
                env["Binance:ApiSecret"] = {|RDY301:"Yt5Kp2Zs8Lq1Wv6Xm3Nc"|};
                var map = new Dictionary<string, string> { { "apiKey", {|RDY301:"Jr4Hx7Bq2Nz9Vl5Tk8Cs"|} } };
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;

        sealed class ExchangeSettings
        {
            public required string ApiKey { get; init; }
            public required string ApiSecret { get; init; }
        }

        sealed record Credentials(string ApiKey, string PrivateKey);

        static class Setup
        {
            public static ExchangeSettings Demo() => new()
            {
                ApiKey = Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("API_KEY is not set"),
                ApiSecret = Environment.GetEnvironmentVariable("API_SECRET") ?? throw new InvalidOperationException("API_SECRET is not set"),
            };

            public static Credentials Signer() => new(Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("API_KEY is not set"), PrivateKey: Environment.GetEnvironmentVariable("PRIVATE_KEY") ?? throw new InvalidOperationException("PRIVATE_KEY is not set"));

            public static void Headers(HttpClient http, Dictionary<string, string> env)
            {
                http.DefaultRequestHeaders.Add("X-MBX-APIKEY", Environment.GetEnvironmentVariable("X_MBX_APIKEY") ?? throw new InvalidOperationException("X_MBX_APIKEY is not set"));
                env["Binance:ApiSecret"] = Environment.GetEnvironmentVariable("BINANCE_API_SECRET") ?? throw new InvalidOperationException("BINANCE_API_SECRET is not set");
                var map = new Dictionary<string, string> { { "apiKey", Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("API_KEY is not set") } };
            }
        }
        """);

    [Fact]
    public Task GettersConstantConcatenationAndNullableLocals_ReadTheEnvironment() => FixAndCheckAsync(
        """
        #nullable enable
        class Venue
        {
            public string ApiToken => {|RDY301:"xoxb-1234-5678-abcdefghijkl"|};

            public string Mnemonic
            {
                get { return {|RDY301:"zebra quartz fjord jumpy vexed whisky kilt glyph nymph oxbow sphinx dwarf"|}; }
            }

            string Sign()
            {
                string? apiSecret = {|RDY301:"Pq7Wz3Lm" + "9Rt2Kx5N"|};
                return apiSecret!;
            }
        }
        """,
        """
        #nullable enable
        using System;

        class Venue
        {
            public string ApiToken => Environment.GetEnvironmentVariable("API_TOKEN") ?? throw new InvalidOperationException("API_TOKEN is not set");

            public string Mnemonic
            {
                get { return Environment.GetEnvironmentVariable("MNEMONIC") ?? throw new InvalidOperationException("MNEMONIC is not set"); }
            }

            string Sign()
            {
                string? apiSecret = Environment.GetEnvironmentVariable("API_SECRET") ?? throw new InvalidOperationException("API_SECRET is not set");
                return apiSecret!;
            }
        }
        """);

    [Fact]
    public Task ConstFieldsAndLocals_BecomeVariablesWhenNoUseNeedsAConstant() => FixAndCheckAsync(
        """
        using System;

        partial class KrakenClient
        {
            private const string ApiSecret = {|RDY301:"kQ8x3ZpL2vN7rT5w"|};

            string Sign(string payload)
            {
                const string passphrase = {|RDY301:"m4Ry-8kLz-Q2wX"|};
                return payload + ApiSecret + passphrase;
            }
        }

        partial class KrakenClient
        {
            int Length() => ApiSecret.Length;
        }
        """,
        """
        using System;

        partial class KrakenClient
        {
            private static readonly string ApiSecret = Environment.GetEnvironmentVariable("API_SECRET") ?? throw new InvalidOperationException("API_SECRET is not set");

            string Sign(string payload)
            {
                string passphrase = Environment.GetEnvironmentVariable("PASSPHRASE") ?? throw new InvalidOperationException("PASSPHRASE is not set");
                return payload + ApiSecret + passphrase;
            }
        }

        partial class KrakenClient
        {
            int Length() => ApiSecret.Length;
        }
        """);

    [Fact]
    public Task ConstsUsedAsConstants_AreReportedWithoutAFix() => FixAndCheckAsync(
        """
        using System;

        class Router
        {
            public const string ApiKey = {|RDY301:"q9Z2xL7kP4mW8nR3"|};
            const string Header = "Key " + ApiKey;
            const string Password = {|RDY301:"p8Lx-3Kz-Qw7"|}, Pin = "1234";

            string Route(string key) => key switch
            {
                ApiKey => "primary",
                _ => "other",
            };

            [Obsolete(Password)]
            void Old() { }
        }
        """,
        """
        using System;

        class Router
        {
            public const string ApiKey = "q9Z2xL7kP4mW8nR3";
            const string Header = "Key " + ApiKey;
            const string Password = "p8Lx-3Kz-Qw7", Pin = "1234";

            string Route(string key) => key switch
            {
                ApiKey => "primary",
                _ => "other",
            };

            [Obsolete(Password)]
            void Old() { }
        }
        """.Replace("\"q9Z2xL7kP4mW8nR3\"", "{|RDY301:\"q9Z2xL7kP4mW8nR3\"|}", System.StringComparison.Ordinal)
           .Replace("\"p8Lx-3Kz-Qw7\"", "{|RDY301:\"p8Lx-3Kz-Qw7\"|}", System.StringComparison.Ordinal));

    [Fact]
    public Task AttributeArgumentsDefaultValuesFallbacksAndExpressionTrees_AreReportedWithoutAFix()
    {
        const string Source = """
            using System;
            using System.Linq.Expressions;

            [AttributeUsage(AttributeTargets.All)]
            sealed class VenueAttribute : Attribute
            {
                public VenueAttribute(string apiKey) { }
                public string Password { get; set; } = "";
            }

            sealed class Credentials
            {
                public string ApiKey { get; set; } = "";
            }

            [Venue({|RDY301:"Xk29fhsK2lL0dd82KkdLq0Pzz"|}, Password = {|RDY301:"tr4d3r-Pa55!"|})]
            class Bot
            {
                void Connect(string apiSecret = {|RDY301:"Qz8vLw2RkT5yNp3HmJ6cXa9B"|}) { }

                string Key(bool testnet)
                {
                    var apiKey = Environment.GetEnvironmentVariable("BINANCE_API_KEY") ?? {|RDY301:"Fz3Kq8Lw2Nv7Rt4Xp9Bm"|};
                    var secret = testnet ? {|RDY301:"Tn4Wq7Zr2Lk9Xv5Bp3Hm"|} : Environment.GetEnvironmentVariable("BINANCE_SECRET");
                    Expression<Func<Credentials>> credentials = () => new Credentials { ApiKey = {|RDY301:"Hq2Zp8Lr5Tw3Vk9Nx4Cm"|} };
                    Connect();
                    return apiKey + secret + credentials;
                }
            }
            """;
        return FixAndCheckAsync(Source, Source);
    }

    [Fact]
    public Task KeyShapedLiterals_AreReportedWhereverTheyStand() => AnalyzeAndCheckAsync(
        """"
        using System;

        class Wallet
        {
            const string Pem = {|RDY301:"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA2a2rwplBQLF29amygykEMmYz0+Kcj3bKBp29P2rFj7WbXK\n-----END RSA PRIVATE KEY-----"|};

            static readonly string Raw = {|RDY301:"""
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VwBCIEIPi8d2kQm7Yt6bR1xVfZs4LcNw9JqA3eHuTgPo5nKrWd
                -----END PRIVATE KEY-----
                """|};

            void Sign(Func<string, string> sign, string symbol)
            {
                var pk = {|RDY301:"0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"|};
                sign({|RDY301:"AKIAZ7Q3RBCV6KFJ2M4N"|});
                Console.WriteLine($"{symbol}{|RDY301:: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0cmFkZXIifQ.c2lnbmF0dXJlX2J5dGVz|}");
                Console.WriteLine(pk);
            }
        }
        """");

    [Fact]
    public Task CredentialsInsideQueryConnectionUrlAndJsonLiterals_AreReportedWithoutAFix()
    {
        const string Source = """
            using System;

            class Rest
            {
                void Send(Action<string> send, string symbol)
                {
                    send({|RDY301:"api_key=B2RoQk7wXz9LmT4v&side=Buy"|});
                    send($"symbol={symbol}{|RDY301:&apiKey=Hs8Kq2Zx7Lw4Rm9T&recvWindow=5000|}");
                    send({|RDY301:"Server=db.desk.internal;User Id=mm01;Password=x7Gh2!kLq;Database=fills"|});
                    send({|RDY301:"amqp://desk:Zq8Lm3Xw@mq.desk.internal:5672/"|});
                    send({|RDY301:"{\"apiSecret\":\"Vt6Zq2Lx9Km4Wr7N\"}"|});
                }
            }
            """;
        return FixAndCheckAsync(Source, Source);
    }

    [Fact]
    public Task LongRandomValuesOfKeyNamedSymbols_AreReported() => AnalyzeAndCheckAsync(
        """
        class Signer
        {
            static readonly string Key = {|RDY301:"9fK2mQ7xL4pW8zR3nT6vB1cY5hJ0"|};
            string WalletKeys = {|RDY301:"Vb7Kq2Lz9Xw4Rt8Nm3Pc6Hs1"|};
            string PublicKey = "Vb7Kq2Lz9Xw4Rt8Nm3Pc6Hs2";
            string CacheKey = "Qb7Kq2Lz9Xw4Rt8Nm3Pc6Hs3";
            string Key2 = "BTC-USD";
            string SnapshotKey = "ORDERBOOK_SNAPSHOT_2024_V1";
            static readonly byte[] SigningKey = System.Text.Encoding.UTF8.GetBytes({|RDY301:"k9Zq2Lw7Xm4Rv8Np3Hc6"|});
            System.Security.Cryptography.HMACSHA256 Hmac() => new(System.Convert.FromBase64String({|RDY301:"c2lnbmluZ19rZXlfMTIzNDU2Nzg5MA=="|}));
        }
        """);

    [Fact]
    public Task TopLevelStatementsLambdasLocalFunctionsAndGenerics_AreReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                var apiKey = {|RDY301:"Rk5Tz8Lq2Wm7Xv3Np9Hc"|};
                Func<string> secret = () => { var clientSecret = {|RDY301:"Wm2Xk8Zq5Lr3Tv9Np7Hc"|}; return clientSecret; };
                Console.WriteLine(apiKey + secret() + Token());

                static string Token(string authToken = {|RDY301:"Zt9Kq3Lw6Xm2Rv8Np5Hc4Bd"|}) => authToken;

                sealed class VenueClient<TOrder>
                {
                    public string Passwd = {|RDY301:"Pa55-w0rd-desk"|};
                }
                """,
            FixedCode = """
                using System;

                var apiKey = Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("API_KEY is not set");
                Func<string> secret = () => { var clientSecret = Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? throw new InvalidOperationException("CLIENT_SECRET is not set"); return clientSecret; };
                Console.WriteLine(apiKey + secret() + Token());

                static string Token(string authToken = {|RDY301:"Zt9Kq3Lw6Xm2Rv8Np5Hc4Bd"|}) => authToken;

                sealed class VenueClient<TOrder>
                {
                    public string Passwd = Environment.GetEnvironmentVariable("PASSWD") ?? throw new InvalidOperationException("PASSWD is not set");
                }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return RunAndCheckAsync(test);
    }

    [Fact]
    public Task EmptyStringsPlaceholdersAndTemplates_AreNotReported() => AnalyzeAndCheckAsync(
        """
        class Settings
        {
            public string ApiKey { get; set; } = "";
            public string ApiSecret { get; set; } = "   ";
            string _password = "<your-key>";
            string _apiKey2 = "YOUR_API_KEY";
            string _secret = "REPLACEME";
            string _passphrase = "changeme";
            string _token = "xxxxxxxxxxxxxxxx";
            string _privateKey = "***";
            string _apiSecret = "{apiKey}";
            string _secretKey = "${BINANCE_SECRET}";
            string _accessKey = "AKIAIOSFODNN7EXAMPLE";
            string _apiKeyTemplate = "api_key={0}&timestamp={1}";
        }
        """);

    [Fact]
    public Task SettingNamesAndLocatorSymbols_AreNotReported() => AnalyzeAndCheckAsync(
        """
        using System;
        using System.Collections.Generic;

        class ExchangeSettings
        {
            public const string ApiKeyHeader = "X-MBX-APIKEY";
            private const string ApiKeyVariable = "EXCHANGE_API_KEY";
            private const string ApiSecretKey = "BINANCE_API_SECRET";
            private const string SecretSection = "Exchange:ApiSecret";
            string RsaPrivateKeyPath = "/etc/desk/keys/rsa.pem";
            string secretsFile = "secrets.json";
            string SecretName = "desk-binance-secret";
            string TokenUrl = {|RDY203:"https://auth.exchange.example/oauth/token"|}; // an endpoint (RDY203), not a secret
            string PasswordPrompt = "Enter the desk password:";
            string passwordHelp = "The password needs 16 characters";
            string TokenType = "Bearer";

            string Load(Dictionary<string, string> config)
            {
                var apiKey = config["Exchange:ApiKey"];
                var secret = Environment.GetEnvironmentVariable("BINANCE_API_SECRET") ?? throw new InvalidOperationException("BINANCE_API_SECRET is not set");
                return apiKey + secret;
            }
        }
        """);

    [Fact]
    public Task CryptoAssetTokensAndHashes_AreNotReported() => AnalyzeAndCheckAsync(
        """
        class Dex
        {
            const string TransferTopic = "0xddf252ad1be2c89b69a2b06f8c4b9d8bd8a4e84d6b1d6b6c7c8bd0e0f8cd5f2e";
            const string InitCodeHash = "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f";
            const string ZeroKey = "0x0000000000000000000000000000000000000000000000000000000000000001";
            string baseToken = "WETH";
            string token = "USDT";
            string TokenAddress = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
            string usdcToken = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
            int MaxTokens = 4096;

            bool IsTransfer(string topic) => topic == "0xddf252ad1be2c89b69a2b06f8c4b9d8bd8a4e84d6b1d6b6c7c8bd0e0f8cd5f2f";
        }
        """);

    [Fact]
    public Task PemHeadersQueryHolesAndNonSecretPairs_AreNotReported() => AnalyzeAndCheckAsync(
        """
        using System;

        class Loader
        {
            string Strip(string pem) => pem.Replace("-----BEGIN PRIVATE KEY-----", "").Replace("-----END PRIVATE KEY-----", "");

            void Send(Action<string> send, string apiKey, string symbol)
            {
                send($"api_key={apiKey}&side=Buy");
                send("api_key=" + apiKey + "&side=Sell");
                send($"symbol={symbol}&side=Buy&type=LIMIT");
                send("Server=db.desk.internal;Integrated Security=true;Database=fills");
                send("Server=db;Password=;Database=fills");
                send("https://api.exchange.example/v3/order?symbol=BTCUSDT&signature=");
                send("https://desk@api.exchange.example/");
                send("{\"apiKey\":\"{0}\"}");
                var symbolName = "BTCUSDT";
                send(symbolName);
            }
        }
        """);

    [Fact]
    public Task ConfiguredWords_AreSecretLike()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Desk
                {
                    string Pin = {|RDY301:"4711-aXq9"|};
                    string RefreshToken = "Rk5Tz8Lq2Wm7Xv3Np9Hc";
                }
                """,
            FixedCode = """
                using System;

                class Desk
                {
                    string Pin = Environment.GetEnvironmentVariable("PIN") ?? throw new InvalidOperationException("PIN is not set");
                    string RefreshToken = "Rk5Tz8Lq2Wm7Xv3Np9Hc";
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.secret_names = pin, -token
            """));
        return RunAndCheckAsync(test);
    }

    [Fact]
    public Task TestProjects_AreReportedByDefault()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class FakeVenue
                {
                    string ApiSecret = {|RDY301:"Wq4Zt8Lk2Xm7Rv3Np9Hc"|};
                }
                """,
        };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "TradingEngine.Tests"));
        return RunAndCheckAsync(test);
    }

    [Fact]
    public Task TestProjects_AreSkippedWhenConfiguredOff()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class FakeVenue
                {
                    string ApiSecret = "Wq4Zt8Lk2Xm7Rv3Np9Hc";
                }
                """,
        };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "TradingEngine.Tests"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            readiness.secrets_in_tests = false
            """));
        return RunAndCheckAsync(test);
    }

    [Fact]
    public Task ProductionProjects_AreReportedWhenTestsAreConfiguredOff()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class LiveVenue
                {
                    string ApiSecret = {|RDY301:"Wq4Zt8Lk2Xm7Rv3Np9Hc"|};
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            readiness.secrets_in_tests = false
            """));
        return RunAndCheckAsync(test);
    }

    [Fact]
    public Task KeyAndSecretConstructorParameters_AreBothReported() => FixAndCheckAsync(
        """
        sealed class ApiCredentials
        {
            public ApiCredentials(string key, string secret) { }
        }

        static class Accounts
        {
            public static ApiCredentials Main() => new ApiCredentials({|RDY301:"vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgw"|}, {|RDY301:"NhqPtmdSJYdKjVHjA7PZj4Mge3R5"|});
        }
        """,
        """
        using System;

        sealed class ApiCredentials
        {
            public ApiCredentials(string key, string secret) { }
        }

        static class Accounts
        {
            public static ApiCredentials Main() => new ApiCredentials(Environment.GetEnvironmentVariable("KEY") ?? throw new InvalidOperationException("KEY is not set"), Environment.GetEnvironmentVariable("SECRET") ?? throw new InvalidOperationException("SECRET is not set"));
        }
        """);
}
