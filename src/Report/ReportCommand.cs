using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.IO;
using ReadinessAnalyzers.Report.Rendering;

namespace ReadinessAnalyzers.Report;

/// <summary>
/// The <c>readiness-report</c> command line. <see cref="Run"/> is the whole program, callable in-process:
/// exit code 0 on success, 1 when a gate (<c>--fail-on-new</c>, <c>--fail-under</c>) fails, 2 on an input
/// or usage error, which is always one line on <c>stderr</c> and never a stack trace.
/// </summary>
public static class ReportCommand
{
    public const int Success = 0;

    public const int GateFailed = 1;

    public const int InputError = 2;

    private const string Description = """
        Turns the SARIF 2.1 logs of a build with ReadinessAnalyzers into a readiness report: a 0-100 score and
        verdict, category and module scores, blocking findings first, and a comparison with a baseline. Writes
        readiness-report.md, .html and .json and prints a one-line summary.

        Produce the logs with: dotnet build -p:ErrorLog=build/app.sarif%2Cversion=2.1

        Exit codes: 0 report written (and every gate passed); 1 a gate failed (--fail-on-new, --fail-under);
        2 input or usage error (missing or malformed log, SARIF 1.0, bad option).
        """;

    /// <summary>Parses <paramref name="args"/>, writes the report files and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var sarif = new Argument<string[]>("sarif")
        {
            Description = "SARIF 2.1 log files written by the compiler, one per project",
            Arity = ArgumentArity.OneOrMore,
        };
        var source = new Option<string[]>("--source")
        {
            HelpName = "dir-or-file",
            Description = "A directory or file whose C# lines are counted (repeatable; default: the directories of the projects the findings are in)",
        };
        var root = new Option<string>("--root")
        {
            HelpName = "dir",
            Description = "Paths outside a git repository are shown relative to this directory [default: the current directory]",
        };
        var output = new Option<string>("--output", "-o")
        {
            HelpName = "dir",
            Description = "Directory the report files are written to [default: the current directory]",
        };
        var name = new Option<string>("--name")
        {
            HelpName = "name",
            Description = "File name of the report files, without extension, e.g. the project's name when several projects share one output directory [default: readiness-report]",
        };
        var format = new Option<string>("--format")
        {
            HelpName = "md,html,json",
            Description = "Comma-separated report files to write: md, html, json [default: md,html,json]",
        };
        var baseline = new Option<string[]>("--baseline")
        {
            // --baseline base/*.sarif: every file the shell expands belongs to the option.
            AllowMultipleArgumentsPerToken = true,
            HelpName = "sarif",
            Description = "SARIF 2.1 log(s) of an earlier build: findings are marked new or unchanged, and the fixed ones listed (repeatable)",
        };
        var failOnNew = new Option<bool>("--fail-on-new")
        {
            Description = "Exit with 1 when a finding is new since the baseline (needs --baseline)",
        };
        var failUnder = new Option<int?>("--fail-under")
        {
            HelpName = "score",
            Description = "Exit with 1 when the score is below this value (0-100)",
        };

        sarif.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                // An unknown option lands here as a file name: say what it is. A log named "-x" can be passed as "./-x".
                if (value.Length > 1 && value[0] == '-')
                {
                    result.AddError($"unknown option '{value}'");
                }
            }
        });
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value
                && (value.Length == 0 || value.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || value.Contains('/') || value.Contains('\\')))
            {
                result.AddError($"--name '{value}' is not a file name");
            }
        });
        format.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && ParseFormats(value) is null)
            {
                result.AddError($"--format '{value}' is not a comma-separated list of md, html, json");
            }
        });
        failUnder.Validators.Add(result =>
        {
            // The token, not the converted value: a value that is no integer has its own parse error already.
            if (result.Tokens is [var token]
                && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minimum)
                && minimum is < 0 or > 100)
            {
                result.AddError("--fail-under must be between 0 and 100");
            }
        });

        var command = new Command("readiness-report", Description)
        {
            sarif, source, root, output, name, format, baseline, failOnNew, failUnder,
            new HelpOption(),
            new VersionOption { Action = new PrintVersion(stdout) },
        };
        command.Validators.Add(result =>
        {
            // From the tokens: a converted value would throw when another option failed to parse.
            if (result.GetResult(failOnNew) is { } gate
                && (gate.Tokens.Count == 0 || (bool.TryParse(gate.Tokens[0].Value, out var on) && on))
                && result.GetResult(baseline) is null)
            {
                result.AddError("--fail-on-new needs --baseline");
            }
        });

        command.SetAction(parsed => Execute(
            new ReportOptions
            {
                SarifFiles = parsed.GetValue(sarif) ?? [],
                Sources = parsed.GetValue(source) ?? [],
                Root = parsed.GetValue(root) ?? Directory.GetCurrentDirectory(),
                OutputDirectory = parsed.GetValue(output) ?? Directory.GetCurrentDirectory(),
                Formats = ParseFormats(parsed.GetValue(format) ?? "md,html,json") ?? ReportFormats.All,
                Name = parsed.GetValue(name) ?? ReportFiles.DefaultName,
                Baselines = parsed.GetValue(baseline) ?? [],
                FailOnNew = parsed.GetValue(failOnNew),
                FailUnder = parsed.GetValue(failUnder),
            },
            stdout,
            stderr));

        var parseResult = command.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"{ReportText.ToolName}: error: {error.Message}");
            }

            stderr.WriteLine($"Run '{ReportText.ToolName} --help' for usage.");
            return InputError;
        }

        return parseResult.Invoke(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,

            // Its handler prints a stack trace; Execute reports every failure in one line instead.
            EnableDefaultExceptionHandler = false,
        });
    }

    private static int Execute(ReportOptions options, TextWriter stdout, TextWriter stderr)
    {
        Model.ReadinessReport report;
        try
        {
            report = ReportGenerator.Build(options, stderr);
        }
        catch (ReportInputException e)
        {
            stderr.WriteLine($"{ReportText.ToolName}: error: {e.Message}");
            return InputError;
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            // A source tree that cannot be walked, a path with characters the file system refuses.
            stderr.WriteLine($"{ReportText.ToolName}: error: {e.Message}");
            return InputError;
        }

        IReadOnlyList<string> written;
        try
        {
            written = ReportFiles.Write(report, options.OutputDirectory, options.Formats, options.Name);
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            stderr.WriteLine($"{ReportText.ToolName}: error: cannot write the report to '{options.OutputDirectory}': {e.Message}");
            return InputError;
        }

        stdout.WriteLine(ReportText.Summary(report, written.Count > 0 ? written[0] : null));

        var exitCode = Success;
        if (options.FailOnNew && report.Baseline is { New: > 0 } baseline)
        {
            stderr.WriteLine($"{ReportText.ToolName}: {baseline.New} new finding(s) since the baseline (--fail-on-new)");
            exitCode = GateFailed;
        }

        if (options.FailUnder is { } minimum && report.Score < minimum)
        {
            stderr.WriteLine($"{ReportText.ToolName}: score {report.Score} is below {minimum} (--fail-under)");
            exitCode = GateFailed;
        }

        return exitCode;
    }

    private static bool IsFileSystemError(Exception e)
        => e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    /// <summary>
    /// Prints the version the reports carry. The built-in action prints the entry assembly's version,
    /// which is the host's when the command runs in-process.
    /// </summary>
    private sealed class PrintVersion(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(ReportGenerator.ToolVersion);
            return Success;
        }
    }

    /// <summary>"md,html,json" in any order and case; null when a part is none of them or nothing is chosen.</summary>
    internal static ReportFormats? ParseFormats(string value)
    {
        var formats = ReportFormats.None;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            ReportFormats? one = part.ToUpperInvariant() switch
            {
                "MD" or "MARKDOWN" => ReportFormats.Markdown,
                "HTML" => ReportFormats.Html,
                "JSON" => ReportFormats.Json,
                _ => null,
            };
            if (one is null)
            {
                return null;
            }

            formats |= one.Value;
        }

        return formats == ReportFormats.None ? null : formats;
    }
}
