using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>Failure messages precise enough to reproduce from: variant, mutation, source, top frames.</summary>
internal static class FailureReport
{
    private const int MaxFrames = 12;

    public static string Header(Variant variant)
        => $"[{variant.Name}] refs={variant.References} options={variant.Options} scope={variant.Scope} mutation: {variant.Mutation}";

    /// <summary><c>NullReferenceException at Type.Method</c>: the exception's kind and where it was thrown.</summary>
    public static string Kind(Exception exception)
    {
        var frame = (exception.StackTrace ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? string.Empty;
        var parameters = frame.IndexOf('(', StringComparison.Ordinal);
        frame = parameters > 0 ? frame.Substring(0, parameters) : frame;
        return $"{exception.GetType().Name} {frame}".TrimEnd();
    }

    public static string Exception(Exception exception)
    {
        var builder = new StringBuilder();
        Append(builder, exception, depth: 0);
        return builder.ToString();
    }

    /// <summary>The lines around <paramref name="position"/> in <paramref name="text"/>, the line itself marked.</summary>
    public static string Snippet(string path, string text, int position, int context = 3)
    {
        if (position < 0)
        {
            return string.Empty;
        }

        var source = SourceText.From(text);
        var line = source.Lines.GetLineFromPosition(Math.Min(position, text.Length)).LineNumber;
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"    {path}:\n");
        for (var i = Math.Max(0, line - context); i <= Math.Min(source.Lines.Count - 1, line + context); i++)
        {
            var marker = i == line ? ">" : " ";
            builder.Append(CultureInfo.InvariantCulture, $"    {marker}{i + 1,6}| {source.Lines[i].ToString().TrimEnd()}\n");
        }

        return builder.ToString();
    }

    /// <summary>The mutation's neighbourhood in the focus file, when the variant has one.</summary>
    public static string MutationSnippet(Variant variant)
        => variant.FocusFile is { } focus ? Snippet(focus.Path, focus.Text, variant.MutationPosition) : string.Empty;

    /// <summary><c>path(line,col): id 'source text'</c>.</summary>
    public static string Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var text = diagnostic.Location.SourceTree?.GetText().ToString(diagnostic.Location.SourceSpan) ?? string.Empty;
        if (text.Length > 80)
        {
            text = string.Concat(text.AsSpan(0, 77), "...");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id} '{text.ReplaceLineEndings(" ")}'");
    }

    /// <summary>Writes the variant's sources under the test output directory and returns where.</summary>
    public static string Dump(Variant variant)
    {
        var name = new string(variant.Name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '#' ? c : '_').ToArray());
        var directory = Path.Combine(AppContext.BaseDirectory, "robustness-failures", name);
        foreach (var file in variant.Files)
        {
            var path = Path.Combine(directory, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        return directory;
    }

    private static void Append(StringBuilder builder, Exception exception, int depth)
    {
        var indent = new string(' ', 4 + (2 * depth));
        builder.Append(CultureInfo.InvariantCulture, $"{indent}{exception.GetType().FullName}: {exception.Message.ReplaceLineEndings(" ")}\n");
        var frames = (exception.StackTrace ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(MaxFrames);
        foreach (var frame in frames)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{indent}  {frame}\n");
        }

        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions)
            {
                Append(builder, inner, depth + 1);
            }
        }
        else if (exception.InnerException is { } inner)
        {
            Append(builder, inner, depth + 1);
        }
    }
}
