using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using ReadinessAnalyzers.Bench.Corpus;
using ReadinessAnalyzers.Bench.Runner;

namespace ReadinessAnalyzers.Bench;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] is "-h" or "--help")
            {
                Console.WriteLine(BenchOptions.Usage);
                return 0;
            }

            if (args.Length > 0 && args[0] == "generate")
            {
                return Generate(args);
            }

            var options = BenchOptions.Parse(args);
            return await new BenchRunner(options, FindRepositoryRoot()).RunAsync().ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + "\n\n" + BenchOptions.Usage).ConfigureAwait(false);
            return 2;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync("benchmark failed: " + e.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static int Generate(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("generate needs a folder.");
        }

        var files = CorpusGenerator.DefaultFileCount;
        var seed = CorpusGenerator.DefaultSeed;
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--files":
                    files = value;
                    break;
                case "--seed":
                    seed = value;
                    break;
                default:
                    throw new ArgumentException("Unknown option " + args[i] + ".");
            }
        }

        Console.WriteLine(CorpusGenerator.WriteProject(Path.GetFullPath(args[1]), files, seed));
        Console.WriteLine(CorpusStatistics.Of(files, seed));
        return 0;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReadinessAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ReadinessAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
