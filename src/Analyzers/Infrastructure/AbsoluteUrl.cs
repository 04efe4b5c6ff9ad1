using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>The scheme of an absolute network URL.</summary>
internal enum UrlScheme
{
    Http,
    Https,
    Ws,
    Wss,
}

/// <summary>
/// An absolute <c>http(s)://</c> or <c>ws(s)://</c> URL written as one piece of text with nothing else in
/// it (no spaces: a sentence that mentions a URL is not an endpoint), and what its host is: loopback, a
/// wildcard listen address, or a well-known XML namespace / schema host.
/// </summary>
internal readonly struct AbsoluteUrl
{
    // Hosts that name XML namespaces and schemas (FIXML and FpML included), never servers a trading
    // engine talks to.
    private static readonly ImmutableArray<string> s_schemaHosts = ImmutableArray.Create(
        "w3.org", "xmlsoap.org", "purl.org", "xmlns.com", "json-schema.org", "oasis-open.org", "sitemaps.org",
        "tempuri.org", "schema.org", "schemas.microsoft.com", "schemas.openxmlformats.org", "schemas.android.com",
        "schemas.google.com", "schemas.datacontract.org", "ns.adobe.com", "xml.apache.org", "exslt.org", "ws-i.org",
        "omg.org", "opengis.net", "rdfs.org", "fixprotocol.org", "fpml.org", "xbrl.org",
        // Documentation redirectors: links for people, not servers.
        "aka.ms", "go.microsoft.com");

    // Characters that make a host a template or a placeholder rather than a name.
    private static readonly char[] s_placeholderCharacters = { '{', '}', '<', '>', '%', '$', '\\', '"', '\'' };

    private AbsoluteUrl(UrlScheme scheme, int schemeLength, int authorityEnd, string host, string origin, bool hasDefaultClearTextPort)
    {
        Scheme = scheme;
        SchemeLength = schemeLength;
        AuthorityEnd = authorityEnd;
        Host = host;
        Origin = origin;
        HasDefaultClearTextPort = hasDefaultClearTextPort;
    }

    public UrlScheme Scheme { get; }

    /// <summary>Length of the scheme name (<c>http</c> is 4); the text starts with it.</summary>
    public int SchemeLength { get; }

    /// <summary>Index where the path, query or fragment starts (the text's length when there is none).</summary>
    public int AuthorityEnd { get; }

    /// <summary>The host in lower case; IPv6 addresses keep their brackets.</summary>
    public string Host { get; }

    /// <summary><c>scheme://host[:port]</c> without user information: safe to print in a message.</summary>
    public string Origin { get; }

    /// <summary>The authority ends in an explicit <c>:80</c>, the clear-text default port.</summary>
    public bool HasDefaultClearTextPort { get; }

    public bool IsClearText => Scheme is UrlScheme.Http or UrlScheme.Ws;

    public bool IsWebSocket => Scheme is UrlScheme.Ws or UrlScheme.Wss;

    /// <summary>The TLS scheme for a clear-text one: <c>https</c> for <c>http</c>, <c>wss</c> for <c>ws</c>.</summary>
    public string SecureScheme => Scheme is UrlScheme.Ws or UrlScheme.Wss ? "wss" : "https";

    /// <summary>
    /// <c>localhost</c> (and <c>*.localhost</c>), <c>127.0.0.0/8</c>, <c>[::1]</c>; also IPv4 link-local
    /// <c>169.254.0.0/16</c>, where cloud instance-metadata endpoints answer only in clear text.
    /// </summary>
    public bool IsLoopback
        => Host == "localhost" || Host.EndsWith(".localhost", StringComparison.Ordinal)
           || Host == "[::1]" || Host == "[0:0:0:0:0:0:0:1]"
           || ((Host.StartsWith("127.", StringComparison.Ordinal) || Host.StartsWith("169.254.", StringComparison.Ordinal)) && IsDottedNumber(Host));

    /// <summary>A listen address (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>, <c>[::]</c>), not a host to connect to.</summary>
    public bool IsWildcard => Host is "0.0.0.0" or "*" or "+" or "[::]";

    /// <summary>
    /// A well-known XML namespace or schema host (<c>www.w3.org</c>, <c>schemas.xmlsoap.org</c>, …), or a
    /// placeholder host that names nothing (<c>http://dummy</c> as a base for resolving relative paths,
    /// the reserved <c>.invalid</c> domain).
    /// </summary>
    public bool IsSchemaHost
    {
        get
        {
            if (Host is "dummy" or "placeholder" or "unused" or "invalid" || Host.EndsWith(".invalid", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var schemaHost in s_schemaHosts)
            {
                if (Host == schemaHost
                    || (Host.Length > schemaHost.Length && Host.EndsWith(schemaHost, StringComparison.Ordinal)
                        && Host[Host.Length - schemaHost.Length - 1] == '.'))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>An IPv4 or IPv6 address rather than a name.</summary>
    public bool IsIpAddress => Host.StartsWith("[", StringComparison.Ordinal) || IsDottedNumber(Host);

    /// <summary>Cheap pre-check: the text starts with <c>http</c> or <c>ws</c> in any case.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool MayStartWithScheme(string text)
        => text.Length > 7 && (text[0] is 'h' or 'H' or 'w' or 'W');

    /// <summary>
    /// Parses <paramref name="text"/> as an absolute URL. With <paramref name="requireTerminator"/> the
    /// authority must end inside the text (a <c>/</c>, <c>?</c> or <c>#</c> follows it): the start of an
    /// interpolated string whose host could continue in a hole.
    /// </summary>
    public static bool TryParse(string text, bool requireTerminator, out AbsoluteUrl url)
    {
        url = default;
        UrlScheme scheme;
        int schemeLength;
        if (HasPrefix(text, "https://"))
        {
            scheme = UrlScheme.Https;
            schemeLength = 5;
        }
        else if (HasPrefix(text, "http://"))
        {
            scheme = UrlScheme.Http;
            schemeLength = 4;
        }
        else if (HasPrefix(text, "wss://"))
        {
            scheme = UrlScheme.Wss;
            schemeLength = 3;
        }
        else if (HasPrefix(text, "ws://"))
        {
            scheme = UrlScheme.Ws;
            schemeLength = 2;
        }
        else
        {
            return false;
        }

        var start = schemeLength + 3;
        var end = -1;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false; // prose that starts with a URL, not a URL
            }

            if (end < 0 && c is '/' or '?' or '#')
            {
                end = i;
            }
        }

        if (end < 0)
        {
            if (requireTerminator)
            {
                return false;
            }

            end = text.Length;
        }

        var authority = text.Substring(start, end - start);
        var hostPort = authority.Substring(authority.LastIndexOf('@') + 1);
        string host;
        string port;
        if (hostPort.StartsWith("[", StringComparison.Ordinal))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = hostPort.Substring(0, close + 1);
            var rest = hostPort.Substring(close + 1);
            if (rest.Length > 0 && rest[0] != ':')
            {
                return false;
            }

            port = rest.Length > 0 ? rest.Substring(1) : string.Empty;
        }
        else
        {
            var colon = hostPort.IndexOf(':');
            host = colon < 0 ? hostPort : hostPort.Substring(0, colon);
            port = colon < 0 ? string.Empty : hostPort.Substring(colon + 1);
        }

        if (host.Length == 0 || host.IndexOfAny(s_placeholderCharacters) >= 0 || !IsDigits(port))
        {
            return false; // "https://{host}/", "wss://<your-endpoint>", "http://${HOST}": a template
        }

        var origin = text.Substring(0, schemeLength) + "://" + hostPort;
        url = new AbsoluteUrl(scheme, schemeLength, end, host.ToLowerInvariant(), origin,
            hasDefaultClearTextPort: port == "80");
        return true;
    }

    private static bool HasPrefix(string text, string prefix)
        => text.Length > prefix.Length && string.Compare(text, 0, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDottedNumber(string text)
    {
        foreach (var c in text)
        {
            if (c != '.' && c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
