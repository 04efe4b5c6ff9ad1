using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>Runs the dotnet CLI as a child process, optionally under GNU time for the peak memory.</summary>
internal static class Dotnet
{
    /// <summary>
    /// GNU time: its max RSS covers the largest process of the tree (the compiler when it runs out of
    /// proc), and its user + system time is the CPU the whole tree used, which other load on the machine
    /// disturbs far less than the wall time.
    /// </summary>
    public const string GnuTime = "/usr/bin/time";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(45);

    /// <summary>Variables every child gets on top of the inherited environment (NUGET_PACKAGES, …).</summary>
    public static Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public static bool HasGnuTime => File.Exists(GnuTime);

    /// <summary>Runs <c>dotnet {arguments}</c>; writes its output to <paramref name="logPath"/> when given.</summary>
    public static async Task<RunResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, string? logPath = null, bool measureMemory = false)
    {
        var rssFile = measureMemory && HasGnuTime ? Path.GetTempFileName() : null;
        var startInfo = new ProcessStartInfo(rssFile is null ? "dotnet" : GnuTime)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (rssFile is not null)
        {
            foreach (var argument in (string[])["-f", "%M %U %S", "-o", rssFile, "dotnet"])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // An outer `dotnet run`/`dotnet test` hands its MSBuild settings down; each build must choose its own.
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in Environment)
        {
            startInfo.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (var timeout = new CancellationTokenSource(s_timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                Append(output, $"benchmark: timed out after {s_timeout}");
            }
        }

        stopwatch.Stop();
        var text = Read(output);
        if (logPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
            await File.WriteAllTextAsync(logPath, "dotnet " + string.Join(' ', arguments) + "\n" + text).ConfigureAwait(false);
        }

        long maxRssKb = 0;
        var cpuSeconds = double.NaN;
        if (rssFile is not null)
        {
            // GNU time writes "Command exited with non-zero status N" first when the build failed.
            var measured = await File.ReadAllTextAsync(rssFile).ConfigureAwait(false);
            File.Delete(rssFile);
            var fields = (measured.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3
                && long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out maxRssKb)
                && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
                && double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var system))
            {
                cpuSeconds = user + system;
            }
        }

        return new RunResult(process.ExitCode, stopwatch.Elapsed.TotalSeconds, maxRssKb, cpuSeconds, text);
    }

    /// <summary>The standard output of a short command of another tool (git).</summary>
    public static async Task<string> RunToolAsync(string fileName, string workingDirectory, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException(fileName + " did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        _ = await error.ConfigureAwait(false);
        return await output.ConfigureAwait(false);
    }

    /// <summary>The output of a short dotnet command such as <c>--info</c>.</summary>
    public static async Task<string> CaptureAsync(IReadOnlyList<string> arguments)
        => (await RunAsync(System.Environment.CurrentDirectory, arguments).ConfigureAwait(false)).Output;

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
