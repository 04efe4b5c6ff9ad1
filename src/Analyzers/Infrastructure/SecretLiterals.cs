using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Tests on the text of a string literal: is it a credential, a placeholder, the name of a setting,
/// shaped like a private key, or does it carry a credential inside a query or connection string?
/// Nothing here returns or keeps any part of the text: callers learn a kind and a length at most.
/// </summary>
internal static class SecretLiterals
{
    private const int MinPemBodyLength = 40;
    private const int MinHighEntropyLength = 20;
    private const double MinHighEntropyBitsPerChar = 3.5;

    private static readonly ImmutableHashSet<string> s_placeholderValues = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "test", "testing", "secret", "password", "passwd", "pass", "pwd", "key", "apikey", "api_key", "api-key", "token",
        "none", "null", "nil", "undefined", "empty", "default", "sample", "demo", "unset", "notset", "na", "n/a",
        "tbd", "todo", "changeme", "change_me", "change-me", "replaceme", "replace_me", "replace-me", "placeholder",
        "dummy", "fake", "foo", "bar", "baz", "abc", "xyz", "true", "false", "string", "value", "secretkey", "mysecret");

    private static readonly ImmutableHashSet<string> s_placeholderWords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "your", "yours", "replaceme", "changeme", "placeholder", "example", "dummy", "fixme", "todo", "tbd", "redacted",
        "here", "insert");

    /// <summary>
    /// True when <paramref name="value"/>, assigned to a secret-like symbol, is a credential rather than
    /// an empty string, a placeholder (<c>YOUR_API_KEY</c>, <c>&lt;key&gt;</c>, <c>xxx</c>, <c>***</c>), a
    /// template (<c>{apiKey}</c>), a URL, a public address, the name of a setting or variable
    /// (<c>BINANCE_API_SECRET</c>, <c>Exchange:ApiKey</c>), or a sentence about a secret.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool IsCredentialValue(string value, SecretMatch match, ImmutableArray<ImmutableArray<string>> secretWords)
    {
        var text = value.Trim();
        if (text.Length == 0
            || IsPlaceholder(text)
            || IsTemplate(text)
            || HasScheme(text)
            || IsEthereumAddress(text)
            || IsSettingName(text, secretWords))
        {
            return false;
        }

        if (HasWhitespace(text)
            && (Names.MentionsSecretWord(text, secretWords) || text.EndsWith(":", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal)))
        {
            return false; // a prompt or a message about the secret, not the secret
        }

        // "token" also names crypto assets: a ticker or a base58 mint address is not a credential.
        return match != SecretMatch.TokenOnly || (text.Length >= 16 && !IsBase58Address(text));
    }

    /// <summary>Placeholders: repeated or masked characters, bracketed names, and the usual filler words.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool IsPlaceholder(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        var allSame = true;
        var allFiller = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            allSame &= c == text[0];
            allFiller &= c is 'x' or 'X' or '*' or '#' or '.' or '-' or '_' or ' ' or '?';
        }

        if ((allSame && text.Length > 1) || allFiller || text.IndexOf("***", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        if (IsEnclosed(text, "<", ">") || IsEnclosed(text, "[", "]") || IsEnclosed(text, "{", "}")
            || IsEnclosed(text, "${", "}") || IsEnclosed(text, "$(", ")") || IsEnclosed(text, "#{", "}")
            || IsEnclosed(text, "%", "%") || IsEnclosed(text, "__", "__") || IsEnclosed(text, "@", "@"))
        {
            return true;
        }

        if (s_placeholderValues.Contains(text))
        {
            return true;
        }

        foreach (var word in Names.SplitWords(text))
        {
            if (s_placeholderWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A long, random-looking token (base64, hex, base62) of the kind API keys and secrets are.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool IsHighEntropyToken(string text)
    {
        if (text.Length < MinHighEntropyLength || text.Length > 1024)
        {
            return false;
        }

        var hasLetter = false;
        var hasDigit = false;
        var counts = new int[128];
        foreach (var c in text)
        {
            if (c >= 128 || !(char.IsLetterOrDigit(c) || c is '+' or '/' or '=' or '_' or '-' or '.' or '~'))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
            hasDigit |= char.IsDigit(c);
            counts[c]++;
        }

        if (!hasLetter || !hasDigit || IsPlaceholder(text) || IsWordy(text))
        {
            return false;
        }

        var entropy = 0.0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / text.Length;
                entropy -= p * Math.Log(p, 2);
            }
        }

        return entropy >= MinHighEntropyBitsPerChar;
    }

    // Readable text (ORDERBOOK_SNAPSHOT_2024_V1) is mostly words of four letters or more; a random
    // token's letters rarely run that long between digits and case changes.
    private static bool IsWordy(string text)
    {
        var inWords = 0;
        foreach (var word in Names.SplitWords(text))
        {
            if (word.Length >= 4 && char.IsLetter(word[0]))
            {
                inWords += word.Length;
            }
        }

        return inWords * 2 > text.Length;
    }

    /// <summary>Finds a private-key or access-token shape anywhere in <paramref name="text"/>.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static SecretShape FindShape(string text)
    {
        if (text.Length < 20)
        {
            return SecretShape.None;
        }

        if (HasPemPrivateKey(text))
        {
            return SecretShape.PemPrivateKey;
        }

        if (HasAwsAccessKeyId(text))
        {
            return SecretShape.AwsAccessKeyId;
        }

        if (HasHexPrivateKey(text))
        {
            return SecretShape.HexPrivateKey;
        }

        return HasJwt(text) ? SecretShape.Jwt : SecretShape.None;
    }

    /// <summary>
    /// Finds a credential inside a query string (<c>api_key=…&amp;side=Buy</c>), a connection string
    /// (<c>…;Password=…;</c>), a URL's user info (<c>amqp://user:pass@host</c>) or a JSON literal
    /// (<c>{"apiKey":"…"}</c>). Values that are placeholders, templates or parameters do not count.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static EmbeddedCredential FindEmbeddedCredential(string text, ImmutableArray<ImmutableArray<string>> secretWords)
        => FindEmbeddedCredential(text, secretWords, out _, out _);

    /// <inheritdoc cref="FindEmbeddedCredential(string, ImmutableArray{ImmutableArray{string}})"/>
    /// <param name="valueStart">Where the credential's value starts in <paramref name="text"/>.</param>
    /// <param name="valueLength">The length of the credential's value.</param>
    [MethodImpl(JitOptions.Optimized)]
    public static EmbeddedCredential FindEmbeddedCredential(string text, ImmutableArray<ImmutableArray<string>> secretWords,
        out int valueStart, out int valueLength)
    {
        valueStart = 0;
        valueLength = 0;
        if (text.Length < 4)
        {
            return EmbeddedCredential.None;
        }

        if (text.IndexOf('=') >= 0)
        {
            var kind = FindKeyValueCredential(text, secretWords, out valueStart, out valueLength);
            if (kind != EmbeddedCredential.None)
            {
                return kind;
            }
        }

        if (text.IndexOf("://", StringComparison.Ordinal) >= 0 && FindUrlPassword(text, out valueStart, out valueLength))
        {
            return EmbeddedCredential.Url;
        }

        if (text.IndexOf('"') >= 0 && text.IndexOf(':') >= 0 && FindJsonCredential(text, secretWords, out valueStart, out valueLength))
        {
            return EmbeddedCredential.Json;
        }

        return EmbeddedCredential.None;
    }

    /// <summary>The name of an environment variable, configuration key, header or identifier that mentions a secret.</summary>
    public static bool IsSettingName(string text, ImmutableArray<ImmutableArray<string>> secretWords)
    {
        var digits = 0;
        var hasUnderscore = false;
        var hasLower = false;
        var hasSeparator = false;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c == '_')
            {
                hasUnderscore = true;
            }
            else if (c is ':' or '.' or '/' or '-')
            {
                hasSeparator |= c == ':';
            }
            else if (c < 128 && char.IsLetter(c))
            {
                hasLower |= char.IsLower(c);
            }
            else
            {
                return false;
            }
        }

        if (!char.IsLetter(text[0]) && text[0] != '_')
        {
            return false;
        }

        // Random strings carry digits; names carry at most a version number.
        if (digits > 2)
        {
            return false;
        }

        // BINANCE_API_SECRET, DB_PASS; Exchange:ApiKey, Exchange__ApiKey
        if ((hasUnderscore && !hasLower) || hasSeparator || text.IndexOf("__", StringComparison.Ordinal) > 0)
        {
            return true;
        }

        return Names.MentionsSecretWord(text, secretWords);
    }

    [MethodImpl(JitOptions.Optimized)]
    private static EmbeddedCredential FindKeyValueCredential(string text, ImmutableArray<ImmutableArray<string>> secretWords,
        out int valueStart, out int valueLength)
    {
        for (var equals = text.IndexOf('='); equals > 0; equals = equals + 1 < text.Length ? text.IndexOf('=', equals + 1) : -1)
        {
            // The key runs back to a delimiter: start, ?, &, ;, a newline or a quote.
            var keyStart = equals;
            while (keyStart > 0 && IsKeyChar(text[keyStart - 1]))
            {
                keyStart--;
            }

            var delimiter = keyStart > 0 ? text[keyStart - 1] : '\0';
            if (delimiter is not ('\0' or '?' or '&' or ';' or '\n' or '\r' or '"' or '\'' or ' ' or '\t'))
            {
                continue;
            }

            var key = text.Substring(keyStart, equals - keyStart).Trim();
            var match = Names.MatchSecret(key, secretWords);
            if (key.Length == 0 || match == SecretMatch.None)
            {
                continue;
            }

            var isConnectionString = delimiter == ';' || (delimiter is not ('?' or '&') && text.IndexOf(';') >= 0);
            var start = equals + 1;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }

            var end = start;
            if (start < text.Length && text[start] is '\'' or '"')
            {
                var close = text.IndexOf(text[start], start + 1);
                start++;
                end = close < 0 ? text.Length : close;
            }
            else
            {
                while (end < text.Length && text[end] is not ('&' or ';' or '\n' or '\r' or '"')
                       && !(text[end] == ' ' && !isConnectionString))
                {
                    end++;
                }
            }

            var value = text.Substring(start, end - start).Trim();
            if (value.Length == 0 || value[0] is '@' or ':' or '$' or '?' || !IsCredentialValue(value, match, secretWords))
            {
                continue; // empty, a placeholder, a template or a SQL parameter (@password)
            }

            valueStart = start;
            valueLength = end - start;
            return isConnectionString ? EmbeddedCredential.ConnectionString : EmbeddedCredential.QueryString;
        }

        valueStart = 0;
        valueLength = 0;
        return EmbeddedCredential.None;
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool FindUrlPassword(string text, out int valueStart, out int valueLength)
    {
        valueStart = 0;
        valueLength = 0;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = scheme + 3;
        var authorityEnd = authorityStart;
        while (authorityEnd < text.Length && text[authorityEnd] is not ('/' or '?' or '#' or ' ' or '"' or '\n'))
        {
            authorityEnd++;
        }

        var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return false;
        }

        var colon = text.IndexOf(':', authorityStart, at - authorityStart);
        if (colon < 0 || colon + 1 >= at)
        {
            return false;
        }

        var password = text.Substring(colon + 1, at - colon - 1);
        if (IsPlaceholder(password) || IsTemplate(password) || password[0] == '$')
        {
            return false;
        }

        valueStart = colon + 1;
        valueLength = at - colon - 1;
        return true;
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool FindJsonCredential(string text, ImmutableArray<ImmutableArray<string>> secretWords, out int valueStart, out int valueLength)
    {
        valueStart = 0;
        valueLength = 0;
        for (var colon = text.IndexOf(':'); colon > 0; colon = colon + 1 < text.Length ? text.IndexOf(':', colon + 1) : -1)
        {
            var keyEnd = colon - 1;
            while (keyEnd >= 0 && text[keyEnd] == ' ')
            {
                keyEnd--;
            }

            if (keyEnd <= 0 || text[keyEnd] != '"')
            {
                continue;
            }

            var keyStart = text.LastIndexOf('"', keyEnd - 1);
            if (keyStart < 0)
            {
                continue;
            }

            var key = text.Substring(keyStart + 1, keyEnd - keyStart - 1);
            var match = Names.MatchSecret(key, secretWords);
            if (match == SecretMatch.None)
            {
                continue;
            }

            var open = colon + 1;
            while (open < text.Length && text[open] == ' ')
            {
                open++;
            }

            if (open >= text.Length || text[open] != '"')
            {
                continue;
            }

            var close = text.IndexOf('"', open + 1);
            if (close < 0)
            {
                continue;
            }

            var value = text.Substring(open + 1, close - open - 1);
            if (IsCredentialValue(value, match, secretWords))
            {
                valueStart = open + 1;
                valueLength = close - open - 1;
                return true;
            }
        }

        return false;
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool HasPemPrivateKey(string text)
    {
        var begin = text.IndexOf("-----BEGIN", StringComparison.Ordinal);
        if (begin < 0)
        {
            return false;
        }

        var label = text.IndexOf("PRIVATE KEY", begin, StringComparison.Ordinal);
        var headerEnd = label < 0 ? -1 : text.IndexOf("-----", label, StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return false;
        }

        // A header alone is a marker used to parse keys loaded from elsewhere; a key has a body.
        var body = 0;
        for (var i = headerEnd + 5; i < text.Length && text[i] != '-'; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c is '+' or '/' or '=')
            {
                body++;
            }
        }

        return body >= MinPemBodyLength;
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool HasAwsAccessKeyId(string text)
    {
        for (var i = text.IndexOf("AKIA", StringComparison.Ordinal); i >= 0; i = text.IndexOf("AKIA", i + 1, StringComparison.Ordinal))
        {
            const int Length = 20;
            if ((i > 0 && char.IsLetterOrDigit(text[i - 1])) || i + Length > text.Length
                || (i + Length < text.Length && char.IsLetterOrDigit(text[i + Length])))
            {
                continue;
            }

            var ok = true;
            for (var j = i + 4; j < i + Length && ok; j++)
            {
                ok = (text[j] >= 'A' && text[j] <= 'Z') || (text[j] >= '0' && text[j] <= '9');
            }

            if (ok && text.IndexOf("EXAMPLE", i, Length, StringComparison.Ordinal) < 0)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool HasHexPrivateKey(string text)
    {
        for (var i = text.IndexOf('0'); i >= 0 && i + 66 <= text.Length; i = text.IndexOf('0', i + 1))
        {
            if (text[i + 1] is not ('x' or 'X') || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            var end = i + 2;
            while (end < text.Length && IsHex(text[end]))
            {
                end++;
            }

            if (end - i - 2 != 64 || (end < text.Length && char.IsLetterOrDigit(text[end])))
            {
                continue;
            }

            // 0x000…01 and other constants are not random.
            var seen = 0;
            for (var j = i + 2; j < end; j++)
            {
                seen |= 1 << HexValue(text[j]);
            }

            if (CountBits(seen) >= 8)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(JitOptions.Optimized)]
    private static bool HasJwt(string text)
    {
        var start = text.IndexOf("eyJ", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        var i = start;
        for (var part = 0; part < 3; part++)
        {
            var length = 0;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_'))
            {
                i++;
                length++;
            }

            if (length < 10)
            {
                return false;
            }

            if (part < 2)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ';

    private static bool IsTemplate(string text)
    {
        var open = text.IndexOf('{');
        return open >= 0 && text.IndexOf('}', open + 1) > open + 1;
    }

    private static bool HasScheme(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return false;
        }

        for (var i = 0; i < scheme; i++)
        {
            if (!char.IsLetter(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsEthereumAddress(string text)
    {
        if (text.Length != 42 || text[0] != '0' || text[1] is not ('x' or 'X'))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (!IsHex(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Solana mints and wallet addresses: base58, 32 to 44 characters. A random base62 token of that
    // length almost always contains one of 0, O, I or l, which base58 leaves out.
    private static bool IsBase58Address(string text)
    {
        if (text.Length is < 32 or > 44)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) || c is '0' or 'O' or 'I' or 'l' || c >= 128)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEnclosed(string text, string open, string close)
        => text.Length > open.Length + close.Length
           && text.StartsWith(open, StringComparison.Ordinal)
           && text.EndsWith(close, StringComparison.Ordinal);

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static int CountBits(int value)
    {
        var count = 0;
        for (; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
    }
}
