namespace ReadinessAnalyzers.Bench.Corpus;

/// <summary>The words the corpus is named from: venues, products and the concepts of a trading desk.</summary>
internal static class Vocabulary
{
    public static readonly string[] Prefixes =
    [
        "Binance", "Kraken", "Coinbase", "Deribit", "Bybit", "Okx", "Bitstamp", "Gemini", "Cme", "Ice",
        "Eurex", "Lmax", "Spot", "Perp", "Futures", "Options", "Fx", "Equity", "Swap", "Index",
        "Primary", "Backup", "Regional", "Internal", "Client", "House", "Prime", "Dark", "Lit", "Retail",
    ];

    public static readonly string[] Concepts =
    [
        "Funding", "Basis", "Margin", "Hedge", "Inventory", "Liquidity", "Depth", "Ticker", "Candle", "Settlement",
        "Collateral", "Slippage", "Latency", "Throttle", "Rebate", "Fee", "Spread", "Vwap", "Twap", "Iceberg",
        "Routing", "Netting", "Pnl", "Exposure", "Greeks", "Skew", "Carry", "Roll", "Arbitrage", "Delta",
        "Quote", "Order", "Fill", "Position", "Ladder", "Auction", "Imbalance", "Momentum", "Volatility", "Drawdown",
    ];

    public static readonly string[] Symbols =
    [
        "BTC-USD", "ETH-USD", "SOL-USD", "BTC-PERP", "ETH-PERP", "EUR-USD", "GBP-USD", "USD-JPY", "ES-DEC", "NQ-DEC",
        "XAU-USD", "ADA-USD", "DOGE-USD", "LTC-USD", "AVAX-USD",
    ];

    public static readonly string[] HelperVerbs =
    [
        "Round", "Clamp", "Scale", "Adjust", "Normalize", "Estimate", "Blend", "Weight", "Cap", "Floor",
        "Smooth", "Project", "Discount", "Price", "Tier", "Skew", "Widen", "Tighten", "Limit", "Convert",
    ];

    public static readonly string[] ServiceVerbs =
    [
        "Refresh", "Evaluate", "Compute", "Sync", "Reprice", "Rebalance", "Fetch", "Estimate", "Reconcile", "Sample",
    ];

    public static readonly string[] Areas =
    [
        "Pricing", "Execution", "MarketData", "Risk", "Persistence", "Connectivity", "Strategies", "Settlement",
        "Analytics", "Treasury",
    ];
}
