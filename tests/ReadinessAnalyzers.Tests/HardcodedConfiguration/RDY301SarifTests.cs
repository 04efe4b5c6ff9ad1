using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ReadinessAnalyzers.Tests.Package;
using Xunit;

namespace ReadinessAnalyzers.Tests.HardcodedConfiguration;

/// <summary>
/// End to end through the packed package: a real build reports every planted secret as an RDY301 error,
/// and neither the SARIF log nor the build output contains any 4-character piece of one.
/// </summary>
public sealed class RDY301SarifTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    // Every 4-character window holds a letter outside a-f, so no GUID or hex in a path can match by chance.
    private static readonly string[] s_secrets =
        ["Zq8Lm3XwR7vK2pT9yN", "Gh7Tz2Lk9Qw4Rv8NmP", "Wq4Zt8Lk2Xm7Rv3NpH", "Jr4Hx7Bq2Nz9Vl5TkS"];

    [Fact]
    public async Task Build_ReportsEverySecret_AndNeitherSarifNorOutputContainsOne()
    {
        var consumer = package.CreateConsumer("sarif-secrets");
        consumer.Write("VenueSecrets.cs", $$"""
            using System;
            using System.Collections.Generic;

            namespace TradingDesk;

            internal sealed class VenueSecrets
            {
                private const string ApiSecret = "{{s_secrets[0]}}";
                public string Passphrase { get; } = "{{s_secrets[1]}}";
                public string ConnectionString { get; } = "Server=db.desk;User Id=mm01;Password={{s_secrets[2]}};";

                public Dictionary<string, string> Headers() => new() { ["X-MBX-APIKEY"] = "{{s_secrets[3]}}" };

                public int Length => ApiSecret.Length;
            }
            """);

        var (build, sarif) = await consumer.BuildWithSarifAsync();

        Assert.True(build.ExitCode != 0, "RDY301 is an error by default.\n" + build.Describe());
        Assert.True(sarif.ResultsFor("RDY301").Count() == s_secrets.Length, sarif.ToString());
        var log = File.ReadAllText(Path.Combine(consumer.Directory, "build.sarif"));
        foreach (var secret in s_secrets)
        {
            for (var i = 0; i + 4 <= secret.Length; i++)
            {
                var piece = secret.Substring(i, 4);
                Assert.False(log.Contains(piece, StringComparison.Ordinal), $"'{piece}' is in the SARIF log");
                Assert.False(build.AllOutput.Contains(piece, StringComparison.Ordinal), $"'{piece}' is in the build output");
            }
        }
    }
}
