using System;
using System.Collections.Immutable;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

/// <summary>The network families' additions to <see cref="Names"/>.</summary>
public sealed class NamesNetworkTests
{
    private static readonly ImmutableHashSet<string> s_words = ImmutableHashSet.Create(StringComparer.Ordinal, "url", "uri", "endpoint", "host");

    [Theory]
    [InlineData("RestBaseUrl", true)]
    [InlineData("requestUri", true)]
    [InlineData("FallbackEndpoints", true)]
    [InlineData("BINANCE_WEBSOCKET_URL", true)]
    [InlineData("_venueHost", true)]
    [InlineData("curlPath", false)]
    [InlineData("Hostile", false)]
    [InlineData("Urgent", false)]
    [InlineData(null, false)]
    public void ContainsAnyWord_MatchesWholeWordsAndPlurals(string? identifier, bool expected)
        => Assert.Equal(expected, Names.ContainsAnyWord(identifier, s_words));

    [Theory]
    [InlineData("RestBaseUrl", "REST_BASE_URL")]
    [InlineData("_restBaseUrl", "REST_BASE_URL")]
    [InlineData("s_streamUri", "STREAM_URI")]
    [InlineData("m_feedHost", "FEED_HOST")]
    [InlineData("APIKey", "API_KEY")]
    [InlineData("market_data_url", "MARKET_DATA_URL")]
    [InlineData("", "")]
    public void ToEnvironmentVariableName_IsUpperSnakeCase(string identifier, string expected)
        => Assert.Equal(expected, Names.ToEnvironmentVariableName(identifier));
}
