namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Where <see cref="SecretLiterals.FindEmbeddedCredential(string, System.Collections.Immutable.ImmutableArray{System.Collections.Immutable.ImmutableArray{string}})"/> found a credential inside a literal.</summary>
internal enum EmbeddedCredential
{
    /// <summary>None found.</summary>
    None,

    /// <summary><c>api_key=…&amp;side=Buy</c>.</summary>
    QueryString,

    /// <summary><c>Server=…;Password=…;</c>.</summary>
    ConnectionString,

    /// <summary><c>scheme://user:password@host</c>.</summary>
    Url,

    /// <summary><c>{"apiKey":"…"}</c>.</summary>
    Json,
}
