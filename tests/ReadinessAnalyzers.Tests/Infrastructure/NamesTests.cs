using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class NamesTests
{
    private static readonly ImmutableArray<ImmutableArray<string>> s_money = Names.BuildWordList(Names.DefaultMoneyWords, null);
    private static readonly ImmutableArray<ImmutableArray<string>> s_secrets = Names.BuildWordList(Names.DefaultSecretWords, null);

    [Theory]
    [InlineData("APIKey", "api key")]
    [InlineData("api_key", "api key")]
    [InlineData("bidPx", "bid px")]
    [InlineData("MaxOrderQty", "max order qty")]
    [InlineData("_camelCase", "camel case")]
    [InlineData("HTTPServer2Url", "http server 2 url")]
    [InlineData("@event", "event")]
    [InlineData("MAX_ORDER_QTY", "max order qty")]
    [InlineData("APIKEY", "apikey")]
    [InlineData("IOStream", "io stream")]
    [InlineData("order2Fill", "order 2 fill")]
    [InlineData("Level10Depth", "level 10 depth")]
    public void SplitWords_Identifier_IsLowerCaseWords(string identifier, string expected)
        => Assert.Equal(expected.Split(' '), Names.SplitWords(identifier));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("___")]
    [InlineData("@")]
    public void SplitWords_NothingToSplit_IsEmpty(string? identifier)
        => Assert.Empty(Names.SplitWords(identifier));

    [Theory]
    [InlineData("price")]
    [InlineData("Price")]
    [InlineData("bidPx")]
    [InlineData("MaxOrderQty")]
    [InlineData("totalFees")]
    [InlineData("quantities")]
    [InlineData("equities")]
    [InlineData("notionalUsd")]
    [InlineData("ASK_PRICE")]
    [InlineData("bestAsk")]
    [InlineData("askSizes")]
    [InlineData("marginUsed")]
    [InlineData("pnl")]
    [InlineData("PNL")]
    [InlineData("PnL")]
    [InlineData("realizedPnL")]
    [InlineData("PnLUsd")]
    [InlineData("dailyPnLs")]
    public void IsMoneyLike_MoneyWordAsWholeWord_IsTrue(string identifier)
        => Assert.True(Names.IsMoneyLike(identifier, s_money));

    // `priced`/`pricing` are flags and processes, not amounts: only a word itself or its plural counts.
    // `pX`/`pY` are a point's coordinates; two one-letter words do not join into `px`.
    [Theory]
    [InlineData("marketFeed")]
    [InlineData("feedHandler")]
    [InlineData("Task")]
    [InlineData("basket")]
    [InlineData("taskCount")]
    [InlineData("costume")]
    [InlineData("bidder")]
    [InlineData("isPriced")]
    [InlineData("pricingEngine")]
    [InlineData("pX")]
    [InlineData("orderId")]
    [InlineData(null)]
    [InlineData("")]
    public void IsMoneyLike_NoMoneyWord_IsFalse(string? identifier)
        => Assert.False(Names.IsMoneyLike(identifier, s_money));

    [Theory]
    [InlineData("ApiKey")]
    [InlineData("APIKEY")]
    [InlineData("api_key")]
    [InlineData("API_KEY")]
    [InlineData("apiKeys")]
    [InlineData("privateKey")]
    [InlineData("privateKeyBytes")]
    [InlineData("SecretKey")]
    [InlineData("clientSecret")]
    [InlineData("password")]
    [InlineData("dbPasswd")]
    [InlineData("passphrase")]
    [InlineData("PassPhrase")]
    [InlineData("PassWord")]
    [InlineData("PassWd")]
    [InlineData("accessToken")]
    [InlineData("refreshToken")]
    [InlineData("mnemonic")]
    [InlineData("seedPhrase")]
    public void IsSecretLike_SecretWord_IsTrue(string identifier)
        => Assert.True(Names.IsSecretLike(identifier, s_secrets));

    [Theory]
    [InlineData("cancellationToken")]
    [InlineData("CancellationTokenSource")]
    [InlineData("stoppingToken")]
    [InlineData("nextPageToken")]
    [InlineData("RsaPrivateKeyPath")]
    [InlineData("secretsFile")]
    [InlineData("ApiKeyHeader")]
    [InlineData("ApiKeyName")]
    [InlineData("apiKeyEnv")]
    [InlineData("SecretKeyVariable")]
    [InlineData("keyboard")]
    [InlineData("monkey")]
    [InlineData("PublicKey")]
    [InlineData("orderKey")]
    [InlineData("randomSeed")]
    [InlineData("secretary")]
    [InlineData("tokenizer")]
    [InlineData("PassPort")]
    [InlineData(null)]
    [InlineData("")]
    public void IsSecretLike_NoSecretOrOnlyWhereItLives_IsFalse(string? identifier)
        => Assert.False(Names.IsSecretLike(identifier, s_secrets));

    [Fact]
    public void BuildWordList_NoConfiguration_IsTheBuiltInList()
    {
        var list = Names.BuildWordList(Names.DefaultSecretWords, null);

        Assert.Equal(Names.DefaultSecretWords.Length, list.Length);
        Assert.Contains(list, entry => string.Join(" ", entry) == "seed phrase");
    }

    [Fact]
    public void BuildWordList_AdditionAndRemoval_ChangeWhatMatches()
    {
        var list = Names.BuildWordList(Names.DefaultMoneyWords, "premium, -size");

        Assert.True(Names.IsMoneyLike("optionPremium", list));
        Assert.False(Names.IsMoneyLike("orderSize", list));
        Assert.True(Names.IsMoneyLike("limitPrice", list));
        Assert.True(Names.IsMoneyLike("orderSize", s_money)); // the built-in list is untouched
    }

    [Theory]
    [InlineData("-size")]
    [InlineData("-Size")]
    [InlineData("- size ")]
    [InlineData("premium,-SIZE,")]
    public void BuildWordList_RemovalSpelledAnyWay_RemovesTheBuiltInWord(string configured)
        => Assert.False(Names.IsMoneyLike("lotSize", Names.BuildWordList(Names.DefaultMoneyWords, configured)));

    [Theory]
    [InlineData("signing key")]
    [InlineData("SigningKey")]
    [InlineData("signing_key")]
    public void BuildWordList_MultiWordAddition_MatchesThoseWordsInOrder(string configured)
    {
        var list = Names.BuildWordList(Names.DefaultSecretWords, configured);

        Assert.True(Names.IsSecretLike("signingKey", list));
        Assert.True(Names.IsSecretLike("HMAC_SIGNING_KEY", list));
        Assert.False(Names.IsSecretLike("signingAlgorithm", list));
        Assert.False(Names.IsSecretLike("keySigning", list));
    }

    [Theory]
    [InlineData("-seed phrase")]
    [InlineData("-seedPhrase")]
    public void BuildWordList_MultiWordRemoval_RemovesTheEntry(string configured)
    {
        var list = Names.BuildWordList(Names.DefaultSecretWords, configured);

        Assert.False(Names.IsSecretLike("seedPhrase", list));
        Assert.True(Names.IsSecretLike("mnemonic", list));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" , ,, ")]
    [InlineData("-unknownWord")]
    [InlineData("-")]
    public void BuildWordList_EmptyOrUnknownEntries_AreIgnored(string configured)
        => Assert.Equal(Names.DefaultMoneyWords.Length, Names.BuildWordList(Names.DefaultMoneyWords, configured).Length);

    [Fact]
    public void BuildWordList_RemovedSecretToken_NoLongerMatchesAccessToken()
    {
        var list = Names.BuildWordList(Names.DefaultSecretWords, "-token");

        Assert.False(Names.IsSecretLike("accessToken", list));
        Assert.True(Names.IsSecretLike("apiSecret", list));
    }

    // The fragments the one-pass pre-test looks for (Names.s_secretFragments), spelled out here so the
    // test checks the pre-test against an independent search.
    private static readonly string[] s_fragments =
        ["key", "secret", "pass", "pwd", "token", "mnemonic", "seed", "credential", "authorization"];

    [Fact]
    public void MightBeSecretLike_AgreesWithASearchForEachFragment()
    {
        // Every fragment in three casings, at the start, in the middle and at the end of a name, plus
        // near misses (a fragment cut short by the end of the name) and names with no fragment at all.
        var names = new List<string> { "price", "bidPx", "MaxOrderQty", "ke", "KE", "secre", "toke", "pw", "a", "_", "Level10Depth", "\u017Fecret" };
        foreach (var fragment in s_fragments)
        {
            foreach (var casing in new[] { fragment, fragment.ToUpperInvariant(), string.Concat(fragment[..1].ToUpperInvariant(), fragment.AsSpan(1)) })
            {
                names.Add(casing);
                names.Add("api" + casing);
                names.Add("x" + casing + "Value");
                names.Add("_" + casing + "_2");
                names.Add(string.Concat("my", casing.AsSpan(0, casing.Length - 1)));
            }
        }

        foreach (var name in names)
        {
            var expected = s_fragments.Any(fragment => name.Contains(fragment, StringComparison.OrdinalIgnoreCase));
            Assert.True(expected == Names.MightBeSecretLike(name, ReadinessOptions.Default.SecretWords), name);
        }
    }

    [Fact]
    public void MightBeSecretLike_ConfiguredWords_AlwaysGoToTheFullTest()
    {
        var configured = Names.BuildWordList(Names.DefaultSecretWords, "banana");
        Assert.True(Names.MightBeSecretLike("bidPx", configured));
        Assert.True(Names.MightBeSecretLike("pr\u00EFce", configured));
        Assert.False(Names.MightBeSecretLike("pr\u00EFce", ReadinessOptions.Default.SecretWords));
    }
}
