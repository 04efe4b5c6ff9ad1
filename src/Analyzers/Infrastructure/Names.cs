using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Splits identifiers into lower-case words (camelCase, PascalCase, snake_case, acronyms, digits)
/// and decides whether a name is money-like or secret-like from the configured word lists.
/// Matching is always on whole words: <c>marketFeed</c> is not a fee.
/// </summary>
internal static class Names
{
    /// <summary>
    /// The spec's money-like words (RULES.md, "Key terms"), plus <c>slippage</c> and <c>commission</c>
    /// (RDY404's own example <c>EstimateSlippage</c>; commission is the venue's word for a fee) and
    /// <c>profit</c>, <c>loss</c>, <c>cash</c>, <c>capital</c>: risk limits and results are named with them
    /// (<c>MaxDailyLoss</c>, <c>takeProfit</c>, <c>initialCapital</c>) as often as with pnl.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultMoneyWords = ImmutableArray.Create(
        "price", "px", "qty", "quantity", "amount", "notional", "pnl", "balance", "equity", "fee", "cost",
        "size", "volume", "bid", "ask", "spread", "margin", "exposure", "value", "slippage", "commission",
        "profit", "loss", "cash", "capital");

    /// <summary>
    /// Words that make a money-like name a ratio, a statistic, a unit count
    /// or a duration rather than an amount (RULES.md RDY501: <c>priceRatio</c>, <c>volatility</c>, <c>sharpe</c>,
    /// <c>pct</c>, <c>percent</c>, <c>bps</c>, <c>weight</c>, <c>score</c>). One of them anywhere in a name
    /// wins over every money word: <c>spreadBps</c>, <c>feeRate</c>, <c>logPrice</c> and
    /// <c>priceUpdateIntervalMs</c> are not money.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultMoneyExclusionWords = ImmutableArray.Create(
        // ratios and statistics
        "ratio", "volatility", "iv", "sharpe", "sortino", "pct", "percent", "percentage", "percentile", "quantile",
        "bps", "weight", "score", "zscore", "rate", "multiplier", "factor", "coefficient", "fraction", "leverage",
        "utilization", "imbalance", "elasticity", "log", "return", "sigma", "std", "stddev", "stdev", "deviation",
        "variance", "correlation", "beta", "skew", "probability", "prob", "epsilon", "eps", "yield", "relative", "relatives",
        // unit counts: a price distance in ticks or pips is a count, not an amount
        "pips", "ticks",
        // durations: priceUpdateIntervalMs is a time
        "ms", "millis", "milliseconds", "micros", "nanos", "seconds", "secs", "minutes", "latency", "interval",
        "timeout", "delay", "elapsed", "duration", "age", "ttl");

    /// <summary>
    /// The spec's secret-like words. An entry of several words (<c>api key</c>) matches those words
    /// next to each other in that order.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultSecretWords = ImmutableArray.Create(
        "apikey", "api key", "private key", "privatekey", "priv key", "secret", "password", "passwd", "pwd",
        "passphrase", "mnemonic", "seed phrase", "token", "access key", "account key", "signing key",
        "hmac key", "encryption key", "master key", "credential", "authorization");

    // "value" alone is every generic helper's parameter (Clamp(double value, …)); it is money only
    // next to one of these words (marketValue, PortfolioValue) or inside a member or type that is
    // money-like or has one of them (SetPrice(double value), struct Money { double Value; }).
    private const string WeakMoneyWord = "value";

    private static readonly ImmutableHashSet<string> s_valueQualifiers = ImmutableHashSet.Create(
        StringComparer.Ordinal, "money", "market", "portfolio", "position", "positions", "fair", "book", "account",
        "trade", "deal", "order", "fill", "cash", "net", "gross", "mark", "face", "nominal", "contract", "lot",
        "tick", "pip", "entry", "exit", "stop", "loss", "profit", "commission", "asset", "assets", "holding",
        "holdings", "collateral", "premium", "usd", "usdt", "eur", "btc", "quote");

    // A name ending in one of these words says where a secret lives or what describes it, not what
    // it is: RsaPrivateKeyPath, secretsFile, ApiKeyHeader, TokenType, PasswordPolicy, ApiKeyId.
    private static readonly ImmutableHashSet<string> s_locatorWords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        // where it lives
        "path", "file", "files", "dir", "directory", "folder", "name", "names", "env", "variable", "var",
        "header", "url", "uri", "endpoint", "arn", "section", "setting", "settings", "option", "options",
        "config", "store", "vault", "location", "ref", "reference", "provider", "source",
        // what describes it
        "id", "ids", "type", "kind", "length", "len", "count", "expiry", "expires", "expiration", "lifetime",
        "ttl", "timeout", "prefix", "suffix", "format", "pattern", "regex", "field", "param", "parameter",
        "hint", "label", "prompt", "message", "description", "placeholder", "mask", "masked", "redacted",
        "policy", "rule", "rules", "hash", "scheme", "scope", "scopes", "audience", "issuer", "claim",
        "algorithm", "version", "status", "state", "required", "enabled", "set", "exists", "valid",
        // crypto-asset tokens are not credentials: TokenAddress, TokenSymbol, TokenDecimals, TokenMint
        "address", "symbol", "decimals", "mint", "contract");

    // "token" alone is a credential, but these tokens are not (a cancellation token, a paging
    // cursor, a crypto asset, a lexer token, an LLM token budget).
    private static readonly ImmutableHashSet<string> s_harmlessTokenPrefixes = ImmutableHashSet.Create(
        StringComparer.Ordinal, "cancellation", "cancel", "page", "continuation", "next", "sync", "change", "stopping",
        "base", "quote", "native", "gas", "reward", "erc20", "spl", "stable", "wrapped", "input", "output",
        "from", "to", "source", "target", "lp", "pool", "collateral", "underlying", "json", "syntax", "lexer",
        "max", "min", "csrf", "antiforgery");

    // The secret-like test is on whole words, so a cheap case-insensitive look for these fragments
    // rejects almost every identifier before it is split (every secret-like word contains one).
    private static readonly string[] s_secretFragments =
        ["key", "secret", "pass", "pwd", "token", "mnemonic", "seed", "credential", "authorization"];

    // The same fragments by their (lower-case ASCII) first letter: MightBeSecretLike tries at each
    // position of a name only the fragments that can start there.
    private static readonly string[]?[] s_fragmentsByFirstLetter = IndexByFirstLetter(s_secretFragments);

    /// <summary>Splits <paramref name="identifier"/> into lower-case words.</summary>
    /// <example><c>APIKey</c> → api, key; <c>api_key</c> → api, key; <c>bidPx</c> → bid, px; <c>MaxOrderQty2</c> → max, order, qty, 2.</example>
    [MethodImpl(JitOptions.Optimized)]
    public static ImmutableArray<string> SplitWords(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return ImmutableArray<string>.Empty;
        }

        var words = ImmutableArray.CreateBuilder<string>();
        var text = identifier!;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, text, ref start, i);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = text[i - 1];
            var boundary =
                (char.IsUpper(c) && char.IsLower(previous))
                || (char.IsDigit(c) != char.IsDigit(previous))
                // The last capital of an acronym starts the next word: APIKey → API, Key.
                || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]));
            if (boundary)
            {
                Flush(words, text, ref start, i);
                start = i;
            }
        }

        Flush(words, text, ref start, text.Length);
        return words.ToImmutable();
    }

    /// <summary>Builds a word list from built-in entries plus a comma-separated configuration value
    /// (<c>premium, -size</c> adds <c>premium</c>, removes <c>size</c>).</summary>
    public static ImmutableArray<ImmutableArray<string>> BuildWordList(ImmutableArray<string> builtIn, string? configured)
    {
        var entries = new List<string>(builtIn);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            foreach (var raw in configured!.Split(','))
            {
                var entry = raw.Trim();
                if (entry.Length == 0)
                {
                    continue;
                }

                if (entry[0] == '-')
                {
                    var removed = Normalise(entry.Substring(1));
                    entries.RemoveAll(e => Normalise(e) == removed);
                }
                else
                {
                    entries.Add(entry);
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<ImmutableArray<string>>(entries.Count);
        foreach (var entry in entries)
        {
            var words = SplitWords(entry);
            if (words.Length > 0)
            {
                result.Add(words);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>True when a word of <paramref name="identifier"/> (singular or plural) is in <paramref name="moneyWords"/>.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool IsMoneyLike(string? identifier, ImmutableArray<ImmutableArray<string>> moneyWords)
        => ContainsEntry(SplitWords(identifier), moneyWords, out _);

    /// <summary>
    /// True when <paramref name="identifier"/> is money-like for the money rules: a word of it is in
    /// <paramref name="moneyWords"/>, no word of it is in <paramref name="exclusionWords"/>, and when its
    /// only money word is the weak <c>value</c>, it also has a qualifier (<c>marketValue</c>) or
    /// <paramref name="containerName"/> (the member or type around it) is money-like itself.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool IsMoneyLike(
        string? identifier,
        ImmutableArray<ImmutableArray<string>> moneyWords,
        ImmutableArray<ImmutableArray<string>> exclusionWords,
        string? containerName)
    {
        var words = SplitWords(identifier);
        if (words.IsEmpty || ContainsEntry(words, exclusionWords, out _))
        {
            return false;
        }

        var weakOnly = false;
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var entry in moneyWords)
            {
                if (!MatchesAt(words, i, entry))
                {
                    continue;
                }

                if (entry.Length != 1 || entry[0] != WeakMoneyWord)
                {
                    return true;
                }

                weakOnly = true;
            }
        }

        if (!weakOnly)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (s_valueQualifiers.Contains(word))
            {
                return true;
            }
        }

        return containerName is not null && IsMoneyContainer(containerName, moneyWords, exclusionWords);
    }

    // A member or type whose name makes its bare 'value' money: money-like itself (SetPrice, Price) or
    // named for what has a money value (Money, Position, SetStopLoss, TickValue).
    private static bool IsMoneyContainer(string containerName, ImmutableArray<ImmutableArray<string>> moneyWords,
        ImmutableArray<ImmutableArray<string>> exclusionWords)
    {
        if (IsMoneyLike(containerName, moneyWords, exclusionWords, containerName: null))
        {
            return true;
        }

        var words = SplitWords(containerName);
        if (ContainsEntry(words, exclusionWords, out _))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (s_valueQualifiers.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a word of <paramref name="identifier"/> is in <paramref name="exclusionWords"/>: the name
    /// says it is a ratio, a statistic or a duration (<c>timeoutSeconds</c>, <c>feePct</c>), whatever else it holds.
    /// </summary>
    public static bool IsExcluded(string? identifier, ImmutableArray<ImmutableArray<string>> exclusionWords)
        => ContainsEntry(SplitWords(identifier), exclusionWords, out _);

    /// <summary>
    /// True when <paramref name="identifier"/> names a secret: it contains a secret-like entry and does not
    /// end with a word that names where the secret is kept (<c>ApiKeyPath</c>, <c>SecretName</c>).
    /// </summary>
    public static bool IsSecretLike(string? identifier, ImmutableArray<ImmutableArray<string>> secretWords)
        => MatchSecret(identifier, secretWords) != SecretMatch.None;

    /// <summary>
    /// Like <see cref="IsSecretLike"/>, and tells whether the only secret-like word was <c>token</c>
    /// (which in trading code also names a crypto asset: its values get a stricter test).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static SecretMatch MatchSecret(string? identifier, ImmutableArray<ImmutableArray<string>> secretWords)
    {
        if (!MightBeSecretLike(identifier, secretWords))
        {
            return SecretMatch.None;
        }

        var words = SplitWords(identifier);
        if (words.Length == 0 || s_locatorWords.Contains(words[words.Length - 1]))
        {
            return SecretMatch.None;
        }

        var result = SecretMatch.None;
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var entry in secretWords)
            {
                if (!MatchesAt(words, i, entry))
                {
                    continue;
                }

                var isToken = entry.Length == 1 && entry[0] == "token";
                if (isToken && i > 0 && s_harmlessTokenPrefixes.Contains(words[i - 1]))
                {
                    continue;
                }

                if (!isToken)
                {
                    return SecretMatch.Secret;
                }

                result = SecretMatch.TokenOnly;
            }
        }

        return result;
    }

    /// <summary>
    /// True when <paramref name="identifier"/> names a key without saying which (<c>Key</c>, <c>_hmacKeys</c>,
    /// <c>WalletKey</c>): not secret-like by itself, but a long random literal assigned to it is a secret.
    /// Public keys and the keys of caches, maps and tables are not.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool IsKeyLike(string? identifier)
    {
        if (identifier is null || identifier.IndexOf("key", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        var words = SplitWords(identifier);
        if (words.Length == 0 || s_locatorWords.Contains(words[words.Length - 1]))
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if ((words[i] == "key" || words[i] == "keys") && (i == 0 || !s_publicKeyPrefixes.Contains(words[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    // Network resilience (RDY203, RDY204): whole-word matching for endpoint names and the
    // environment-variable names the fixes derive from them.

    /// <summary>True when a word of <paramref name="identifier"/> (singular or plural) is in <paramref name="words"/>.</summary>
    /// <example><c>RestBaseUrl</c>, <c>requestUri</c> and <c>Endpoints</c> contain url, uri and endpoint; <c>curlPath</c> does not.</example>
    public static bool ContainsAnyWord(string? identifier, ImmutableHashSet<string> words)
    {
        foreach (var word in SplitWords(identifier))
        {
            if (words.Contains(word)
                || (word.Length > 1 && word[word.Length - 1] == 's' && words.Contains(word.Substring(0, word.Length - 1))))
            {
                return true;
            }
        }

        return false;
    }

    // Keys that are not secrets: public keys and the keys of caches, maps, tables and messages.
    private static readonly ImmutableHashSet<string> s_publicKeyPrefixes = ImmutableHashSet.Create(
        StringComparer.Ordinal, "public", "pub", "cache", "idempotency", "partition", "routing", "sort", "primary",
        "foreign", "lookup", "dictionary", "map", "redis", "row", "hash", "composite", "unique", "entry", "group",
        "message", "event", "order", "symbol", "instrument", "registry", "storage", "table", "column", "index",
        "dedup", "dedupe", "correlation", "request", "header", "config", "setting", "resource", "translation",
        "localization", "i18n", "hot", "short", "shortcut", "license");

    /// <summary>
    /// A cheap, allocation-free pre-test: false means <see cref="IsSecretLike"/> is certainly false.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool MightBeSecretLike(string? identifier, ImmutableArray<ImmutableArray<string>> secretWords)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return false;
        }

        // One pass over the name: only a letter that starts a fragment is looked at twice. (Nine
        // IndexOf calls per name were a visible share of RDY301/RDY304's time.)
        for (var i = 0; i < identifier!.Length; i++)
        {
            var c = identifier[i];
            if (c >= 128)
            {
                // Non-ASCII: case rules beyond a bit flip; the plain search, then the configured words.
                return ContainsFragment(identifier) || secretWords != ReadinessOptions.Default.SecretWords;
            }

            if (s_fragmentsByFirstLetter[c | 0x20] is { } candidates)
            {
                foreach (var fragment in candidates)
                {
                    if (StartsWithAt(identifier, i, fragment))
                    {
                        return true;
                    }
                }
            }
        }

        // Configured words may contain none of the built-in fragments: no shortcut for them.
        return secretWords != ReadinessOptions.Default.SecretWords;
    }

    private static string[]?[] IndexByFirstLetter(string[] fragments)
    {
        var table = new string[]?[128];
        foreach (var fragment in fragments)
        {
            var existing = table[fragment[0]];
            table[fragment[0]] = existing is null ? [fragment] : [.. existing, fragment];
        }

        return table;
    }

    private static bool StartsWithAt(string text, int index, string fragment)
        => text.Length - index >= fragment.Length
           && string.Compare(text, index, fragment, 0, fragment.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool ContainsFragment(string identifier)
    {
        foreach (var fragment in s_secretFragments)
        {
            if (identifier.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when one of the whole words of <paramref name="text"/> (split like an identifier) is a secret-like entry.</summary>
    public static bool MentionsSecretWord(string text, ImmutableArray<ImmutableArray<string>> secretWords)
        => MightBeSecretLike(text, secretWords) && ContainsEntry(SplitWords(text), secretWords, out _);

    /// <summary>
    /// The environment-variable name for <paramref name="identifier"/>: its words in upper case joined by
    /// underscores, without a field prefix (<c>ApiSecret</c> → <c>API_SECRET</c>, <c>_binanceApiKey</c> →
    /// <c>BINANCE_API_KEY</c>, <c>s_apiKey</c> → <c>API_KEY</c>, <c>Exchange:ApiKey</c> → <c>EXCHANGE_API_KEY</c>).
    /// </summary>
    public static string ToEnvironmentVariableName(string? identifier)
    {
        var text = identifier ?? string.Empty;
        if (text.Length > 2 && text[1] == '_' && (text[0] == 's' || text[0] == 'm' || text[0] == 't'))
        {
            text = text.Substring(2);
        }

        return string.Join("_", SplitWords(text)).ToUpperInvariant();
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool ContainsEntry(ImmutableArray<string> words, ImmutableArray<ImmutableArray<string>> entries, out int index)
    {
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var entry in entries)
            {
                if (MatchesAt(words, i, entry))
                {
                    index = i;
                    return true;
                }
            }
        }

        index = -1;
        return false;
    }

    private static bool MatchesAt(ImmutableArray<string> words, int start, ImmutableArray<string> entry)
    {
        var position = start;
        for (var j = 0; j < entry.Length; j++)
        {
            // Only the last word of an entry may be plural: prices, fees, quantities, api keys.
            var consumed = MatchWord(words, position, entry[j], allowPlural: j == entry.Length - 1);
            if (consumed == 0)
            {
                return false;
            }

            position += consumed;
        }

        return true;
    }

    // How many words from `start` spell `wanted`: usually one, but camel case splits some words that are
    // written as one (PnL → pn + l, PassPhrase → pass + phrase), so consecutive words that join into it
    // count too. The first part needs two letters: a point's pX is not a px. 0 when nothing matches.
    private static int MatchWord(ImmutableArray<string> words, int start, string wanted, bool allowPlural)
    {
        if (start >= words.Length)
        {
            return 0;
        }

        var first = words[start];
        if (first == wanted || (allowPlural && IsPluralOf(first, wanted)))
        {
            return 1;
        }

        if (first.Length < 2 || first.Length >= wanted.Length
            || string.CompareOrdinal(first, 0, wanted, 0, first.Length) != 0)
        {
            return 0;
        }

        var offset = first.Length;
        for (var i = start + 1; i < words.Length; i++)
        {
            var part = words[i];
            var remaining = wanted.Length - offset;
            var isPrefix = string.CompareOrdinal(part, 0, wanted, offset, Math.Min(part.Length, remaining)) == 0;
            if (isPrefix && (part.Length == remaining
                || (allowPlural && part.Length == remaining + 1 && part[part.Length - 1] == 's')))
            {
                return i - start + 1;
            }

            if (!isPrefix || part.Length >= remaining)
            {
                return 0;
            }

            offset += part.Length;
        }

        return 0;
    }

    private static bool IsPluralOf(string word, string singular)
    {
        if (word.Length == singular.Length + 1 && word[word.Length - 1] == 's'
            && string.CompareOrdinal(word, 0, singular, 0, singular.Length) == 0)
        {
            return true;
        }

        // quantity → quantities
        return singular.Length > 1 && singular[singular.Length - 1] == 'y'
            && word.Length == singular.Length + 2
            && word.EndsWith("ies", StringComparison.Ordinal)
            && string.CompareOrdinal(word, 0, singular, 0, singular.Length - 1) == 0;
    }

    private static string Normalise(string entry) => string.Join(" ", SplitWords(entry));

    private static void Flush(ImmutableArray<string>.Builder words, string text, ref int start, int end)
    {
        if (start >= 0 && end > start)
        {
            words.Add(text.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
