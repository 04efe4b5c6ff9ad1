using System;

namespace TradingEngine.Exchange;

/// <summary>Where the exchange lives and how we authenticate to it.</summary>
public sealed class ExchangeSettings
{
    public const string RestBaseUrl = "https://api.exchange.example";
    public const string MarketDataUrl = "ws://stream.exchange.example:9443/ws";

    /// <summary>The replay simulator in tools/ serves recorded sessions here.</summary>
    public const string LocalSimulatorUrl = "ws://127.0.0.1:8765/ws";

    public const string ApiKeyHeader = "X-EX-APIKEY";

    private const string ApiKeyVariable = "EXCHANGE_API_KEY";
    private const string ApiSecretVariable = "EXCHANGE_API_SECRET";

    public required string ApiKey { get; init; }

    public required string ApiSecret { get; init; }

    /// <summary>Testnet endpoints present a self-signed certificate.</summary>
    public bool IsTestnet { get; init; }

    public static ExchangeSettings FromEnvironment() => new()
    {
        ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable)
            ?? throw new InvalidOperationException($"{ApiKeyVariable} is not set"),
        ApiSecret = Environment.GetEnvironmentVariable(ApiSecretVariable)
            ?? throw new InvalidOperationException($"{ApiSecretVariable} is not set"),
    };

    /// <summary>Shared testnet account so the engine starts without any setup.</summary>
    public static ExchangeSettings Demo() => new()
    {
        ApiKey = "demo-key-0000000000000000",
        ApiSecret = "sk-demo-0000000000000000000000000000",
        IsTestnet = true,
    };
}
