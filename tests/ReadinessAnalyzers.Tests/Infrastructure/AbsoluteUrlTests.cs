using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class AbsoluteUrlTests
{
    [Theory]
    [InlineData("https://api.binance.example/api/v3/time", "https://api.binance.example", "api.binance.example", 27)]
    [InlineData("wss://stream.binance.example:9443/ws", "wss://stream.binance.example:9443", "stream.binance.example", 33)]
    [InlineData("HTTP://API.VENUE.EXAMPLE", "HTTP://API.VENUE.EXAMPLE", "api.venue.example", 24)]
    [InlineData("ws://user:pw@10.0.4.17:8080?key=1", "ws://10.0.4.17:8080", "10.0.4.17", 27)]
    [InlineData("http://[::1]:8080/x", "http://[::1]:8080", "[::1]", 17)]
    public void Urls_AreParsed(string text, string origin, string host, int authorityEnd)
    {
        Assert.True(AbsoluteUrl.TryParse(text, requireTerminator: false, out var url));
        Assert.Equal(origin, url.Origin);
        Assert.Equal(host, url.Host);
        Assert.Equal(authorityEnd, url.AuthorityEnd);
    }

    [Theory]
    [InlineData("api/v3/order")]
    [InlineData("http://")]
    [InlineData("https://{0}.venue.example/api")]
    [InlineData("wss://<your-endpoint>/ws")]
    [InlineData("http://${HOST}/api")]
    [InlineData("https://api.venue.example/ has spaces")]
    [InlineData("see https://api.venue.example")]
    [InlineData("ftp://files.venue.example")]
    [InlineData("http://host:port/")]
    [InlineData("http://[::1/")]
    public void NotAUrlOnItsOwn_IsNotParsed(string text)
        => Assert.False(AbsoluteUrl.TryParse(text, requireTerminator: false, out _));

    [Fact]
    public void InterpolatedStart_NeedsTheAuthorityToEnd()
    {
        Assert.False(AbsoluteUrl.TryParse("https://api.", requireTerminator: true, out _));
        Assert.True(AbsoluteUrl.TryParse("https://api.venue.example/depth?symbol=", requireTerminator: true, out _));
    }

    [Theory]
    [InlineData("http://localhost:8080", true)]
    [InlineData("ws://replay.localhost", true)]
    [InlineData("http://127.0.0.53", true)]
    [InlineData("http://[::1]", true)]
    [InlineData("http://169.254.169.254/latest", true)]
    [InlineData("http://127.example", false)]
    [InlineData("http://10.0.0.1", false)]
    [InlineData("http://localhost.venue.example", false)]
    public void Loopback_IsRecognised(string text, bool loopback)
    {
        Assert.True(AbsoluteUrl.TryParse(text, requireTerminator: false, out var url));
        Assert.Equal(loopback, url.IsLoopback);
    }

    [Theory]
    [InlineData("http://www.w3.org/2001/XMLSchema", true)]
    [InlineData("http://schemas.xmlsoap.org/soap/envelope/", true)]
    [InlineData("http://www.fixprotocol.org/FIXML-5-0-SP2", true)]
    [InlineData("http://dummy", true)]
    [InlineData("http://host.invalid", true)]
    [InlineData("http://notw3.org", false)]
    [InlineData("http://api.venue.example", false)]
    public void SchemaAndPlaceholderHosts_AreRecognised(string text, bool schema)
    {
        Assert.True(AbsoluteUrl.TryParse(text, requireTerminator: false, out var url));
        Assert.Equal(schema, url.IsSchemaHost);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5000", true)]
    [InlineData("http://*:5000", true)]
    [InlineData("http://+:80", true)]
    [InlineData("http://[::]:80", true)]
    [InlineData("http://api.venue.example", false)]
    public void ListenAddresses_AreWildcards(string text, bool wildcard)
    {
        Assert.True(AbsoluteUrl.TryParse(text, requireTerminator: false, out var url));
        Assert.Equal(wildcard, url.IsWildcard);
    }

    [Theory]
    [InlineData("http://a.example", true, "https")]
    [InlineData("ws://a.example", true, "wss")]
    [InlineData("https://a.example", false, "https")]
    [InlineData("wss://a.example", false, "wss")]
    public void Schemes_KnowTheirSecureForm(string text, bool clearText, string secure)
    {
        Assert.True(AbsoluteUrl.TryParse(text, requireTerminator: false, out var url));
        Assert.Equal(clearText, url.IsClearText);
        Assert.Equal(secure, url.SecureScheme);
    }

    [Fact]
    public void DefaultClearTextPort_IsNoticed()
    {
        Assert.True(AbsoluteUrl.TryParse("http://a.example:80/x", requireTerminator: false, out var url));
        Assert.True(url.HasDefaultClearTextPort);
        Assert.True(AbsoluteUrl.TryParse("http://a.example:8080/x", requireTerminator: false, out var other));
        Assert.False(other.HasDefaultClearTextPort);
    }
}
