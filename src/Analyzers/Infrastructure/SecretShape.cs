namespace ReadinessAnalyzers.Infrastructure;

/// <summary>A literal shaped like key material, whatever it is assigned to (<see cref="SecretLiterals.FindShape"/>).</summary>
internal enum SecretShape
{
    /// <summary>No known shape.</summary>
    None,

    /// <summary><c>-----BEGIN … PRIVATE KEY-----</c> followed by key material.</summary>
    PemPrivateKey,

    /// <summary><c>0x</c> and 64 hex digits: a raw 32-byte (Ethereum-style) private key.</summary>
    HexPrivateKey,

    /// <summary><c>AKIA</c> and 16 upper-case letters or digits: an AWS access key id.</summary>
    AwsAccessKeyId,

    /// <summary>A signed JSON web token (<c>eyJ….eyJ….…</c>).</summary>
    Jwt,
}
