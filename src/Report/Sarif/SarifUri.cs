using System;
using System.Collections.Generic;
using ReadinessAnalyzers.Report.Discovery;

namespace ReadinessAnalyzers.Report.Sarif;

/// <summary>
/// An artifact location's <c>uri</c> (and <c>uriBaseId</c>) as a normalized path: <c>file:///abs/path</c>,
/// <c>file:///C:/dir/x.cs</c>, <c>file://server/share/x.cs</c>, a plain Windows or Unix path, or a relative
/// reference resolved against the run's <c>originalUriBaseIds</c>.
/// </summary>
internal static class SarifUri
{
    private const int MaxBaseDepth = 8;

    /// <summary>A base id's own location: its uri and, when it is relative too, the id it is relative to.</summary>
    internal sealed record UriBase(string Uri, string? UriBaseId);

    public static string ToPath(string uri, string? uriBaseId, IReadOnlyDictionary<string, UriBase> bases)
        => ToPath(uri, uriBaseId, bases, 0);

    private static string ToPath(string uri, string? uriBaseId, IReadOnlyDictionary<string, UriBase> bases, int depth)
    {
        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return FromFileUri(uri);
        }

        if (HasScheme(uri))
        {
            return uri; // not a file on this machine (http:, an in-memory document...): shown as written
        }

        var path = PathText.Normalize(Unescape(uri));
        if (PathText.IsAbsolute(path) || uriBaseId is null || depth >= MaxBaseDepth
            || !bases.TryGetValue(uriBaseId, out var uriBase))
        {
            return path;
        }

        return PathText.Combine(ToPath(uriBase.Uri, uriBase.UriBaseId, bases, depth + 1), path);
    }

    private static string FromFileUri(string uri)
    {
        var rest = uri["file:".Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            if (rest.StartsWith("localhost/", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest["localhost".Length..];
            }
            else if (!rest.StartsWith('/'))
            {
                rest = "//" + rest; // file://server/share/x.cs: a UNC path
            }
        }

        rest = Unescape(rest);

        // file:///C:/dir/x.cs: the drive letter follows the slash that starts the path.
        if (rest.Length >= 3 && rest[0] == '/' && char.IsAsciiLetter(rest[1]) && (rest[2] == ':' || rest[2] == '|'))
        {
            rest = rest[1] + ":" + rest[3..];
        }

        return PathText.Normalize(rest);
    }

    /// <summary>A URI scheme of two letters or more: one letter followed by ':' is a drive.</summary>
    private static bool HasScheme(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(uri[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = uri[i];
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static string Unescape(string text)
        => text.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(text) : text;
}
