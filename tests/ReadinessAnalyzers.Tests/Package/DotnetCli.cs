using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.Tests.Package;

/// <summary>Runs the <c>dotnet</c> CLI as a child process with a timeout and captures its output.</summary>
public static class DotnetCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The output kept in an assertion message: the tail, where MSBuild prints its summary.</summary>
    private const int MaxReportedChars = 20_000;

    public static Task<Result> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
        => RunAsync(FindDotnet(), "dotnet", workingDirectory, environment, arguments);

    /// <summary>
    /// Runs another program the SDK installed, such as a .NET tool's launcher, with the same environment
    /// and with <c>DOTNET_ROOT</c> pointing at the SDK's own runtime.
    /// </summary>
    public static Task<Result> RunExecutableAsync(string workingDirectory, string executable, params string[] arguments)
    {
        var dotnet = FindDotnet();
        var environment = new Dictionary<string, string>();
        if (Path.IsPathRooted(dotnet) && Path.GetDirectoryName(dotnet) is { } root)
        {
            environment["DOTNET_ROOT"] = root;
        }

        return RunAsync(executable, Path.GetFileName(executable), workingDirectory, environment, arguments);
    }

    private static async Task<Result> RunAsync(
        string executable, string displayName, string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(executable)
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

        // `dotnet test` hands its own MSBuild settings down to the test host; the child must pick its
        // own SDK and settings exactly as a user's shell would.
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }

        return new Result(
            displayName + " " + string.Join(' ', arguments),
            timedOut ? -1 : process.ExitCode,
            timedOut,
            stopwatch.Elapsed,
            Read(output),
            Read(error));
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    // The SDK that runs the tests tells its children where its host is; otherwise `dotnet` on PATH.
    private static string FindDotnet()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";

    public sealed record Result(string CommandLine, int ExitCode, bool TimedOut, TimeSpan Elapsed, string StandardOutput, string StandardError)
    {
        public string AllOutput => StandardOutput + StandardError;

        /// <summary>Everything an assertion message needs to diagnose a failure without re-running.</summary>
        public string Describe()
        {
            var text = new StringBuilder()
                .AppendLine(CommandLine)
                .AppendLine(TimedOut ? $"timed out after {Timeout}" : $"exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s")
                .AppendLine("--- stdout ---")
                .AppendLine(Tail(StandardOutput))
                .AppendLine("--- stderr ---")
                .AppendLine(Tail(StandardError));
            return text.ToString();
        }

        private static string Tail(string text)
            => text.Length <= MaxReportedChars ? text : "…" + text[^MaxReportedChars..];
    }
}
