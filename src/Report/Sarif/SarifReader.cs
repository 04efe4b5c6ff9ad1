using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ReadinessAnalyzers.Report.Catalog;
using ReadinessAnalyzers.Report.Model;

namespace ReadinessAnalyzers.Report.Sarif;

/// <summary>
/// Reads the SARIF 2.1 logs the C# compiler writes (<c>-p:ErrorLog=path%2Cversion=2.1</c>) and keeps the
/// results of our rules. One forward pass with <see cref="Utf8JsonReader"/> over the file's bytes: no DOM,
/// so a log of hundreds of thousands of results costs its own size plus the results kept. A first,
/// cheaper pass checks the JSON and finds <c>version</c>, wherever it is in the file.
/// </summary>
internal static class SarifReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <exception cref="ReportInputException">The file is missing, unreadable, not JSON or not SARIF 2.1.</exception>
    public static SarifLog Read(string path)
    {
        var bytes = ReadAllBytes(path);
        var json = bytes.AsSpan();
        if (json.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new ReportInputException($"{path}: the file is empty; expected a SARIF 2.1 log");
        }

        try
        {
            var version = ReadVersion(json, path);
            if (version.StartsWith("1.", StringComparison.Ordinal))
            {
                throw new ReportInputException(
                    $"{path}: this is a SARIF {version} log; readiness-report reads SARIF 2.1. "
                    + "Build with -p:ErrorLog=<file>%2Cversion=2.1 (the compiler writes SARIF 1.0 without ',version=2.1')");
            }

            if (!version.StartsWith("2.1", StringComparison.Ordinal))
            {
                throw new ReportInputException($"{path}: SARIF version '{version}' is not supported; expected 2.1.0");
            }

            return new SarifLog(path, new Parser(path, json).ReadLog());
        }
        catch (JsonException e)
        {
            throw new ReportInputException(DescribeJsonError(path, e), e);
        }
    }

    private static byte[] ReadAllBytes(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ReportInputException($"{path}: is a directory; expected a SARIF 2.1 log file");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ReportInputException($"{path}: file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ReportInputException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    private static string DescribeJsonError(string path, JsonException e)
    {
        // The reader's message ends with its own " LineNumber: n | BytePositionInLine: m." (0-based): say it once, 1-based.
        var message = e.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        var where = e.LineNumber is { } line
            ? $" at line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1}"
            : "";
        return $"{path}: not valid JSON{where}: {message.TrimEnd()}";
    }

    /// <summary>Reads the whole document (so any syntax error surfaces here) and returns the top-level <c>version</c>.</summary>
    private static string ReadVersion(ReadOnlySpan<byte> json, string path)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ReportInputException($"{path}: not a SARIF log: the top level is {Describe(reader.TokenType)}, not an object");
        }

        string? version = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("version"u8);
            reader.Read();
            if (isVersion)
            {
                version = reader.TokenType == JsonTokenType.String
                    ? reader.GetString()
                    : throw new ReportInputException($"{path}: not a SARIF log: \"version\" is {Describe(reader.TokenType)}, not a string");
            }
            else
            {
                reader.Skip();
            }
        }

        // Reading past the end checks that nothing follows the top-level object.
        while (reader.Read())
        {
        }

        return version ?? throw new ReportInputException($"{path}: not a SARIF log: it has no top-level \"version\"");
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>The second pass. Position errors name the line, counted from the bytes on demand.</summary>
    private ref struct Parser
    {
        private readonly string _path;
        private readonly ReadOnlySpan<byte> _json;
        private Utf8JsonReader _reader;

        public Parser(string path, ReadOnlySpan<byte> json)
        {
            _path = path;
            _json = json;
            _reader = new Utf8JsonReader(json);
        }

        public List<SarifResult> ReadLog()
        {
            var results = new List<SarifResult>();
            _reader.Read(); // StartObject: checked by the first pass
            var sawRuns = false;
            while (NextProperty())
            {
                if (_reader.ValueTextEquals("runs"u8))
                {
                    sawRuns = true;
                    Expect(JsonTokenType.StartArray, "\"runs\"");
                    while (NextElement(JsonTokenType.StartObject, "each element of \"runs\""))
                    {
                        ReadRun(results);
                    }
                }
                else
                {
                    SkipValue();
                }
            }

            if (!sawRuns)
            {
                throw new ReportInputException($"{_path}: not a SARIF 2.1 log: it has no \"runs\" array");
            }

            return results;
        }

        private void ReadRun(List<SarifResult> results)
        {
            var rules = new List<RuleMetadata>();
            var pending = new List<PendingResult>();
            var bases = new Dictionary<string, SarifUri.UriBase>(StringComparer.Ordinal);
            while (NextProperty())
            {
                if (_reader.ValueTextEquals("tool"u8))
                {
                    ReadTool(rules);
                }
                else if (_reader.ValueTextEquals("results"u8))
                {
                    Expect(JsonTokenType.StartArray, "\"results\"");
                    while (NextElement(JsonTokenType.StartObject, "each element of \"results\""))
                    {
                        if (ReadResult() is { } result)
                        {
                            pending.Add(result);
                        }
                    }
                }
                else if (_reader.ValueTextEquals("originalUriBaseIds"u8))
                {
                    ReadUriBases(bases);
                }
                else
                {
                    SkipValue();
                }
            }

            // Rules come after results in the compiler's output: match them once the run is complete.
            var rulesById = new Dictionary<string, RuleMetadata>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                rulesById.TryAdd(rule.Id, rule);
            }

            foreach (var result in pending)
            {
                var ruleId = result.RuleId
                    ?? (result.RuleIndex >= 0 && result.RuleIndex < rules.Count ? rules[result.RuleIndex].Id : null);
                if (!RuleCatalog.IsReadinessRuleId(ruleId))
                {
                    continue;
                }

                rulesById.TryGetValue(ruleId!, out var rule);
                var file = result.Uri is null ? null : SarifUri.ToPath(result.Uri, result.UriBaseId, bases);
                results.Add(new SarifResult(ruleId!, result.Level, result.Message, file, result.Line, result.Column,
                    result.Suppressed, rule?.Title, rule?.HelpUri, rule?.Category));
            }
        }

        private void ReadTool(List<RuleMetadata> rules)
        {
            Expect(JsonTokenType.StartObject, "\"tool\"");
            while (NextProperty())
            {
                if (!_reader.ValueTextEquals("driver"u8))
                {
                    SkipValue();
                    continue;
                }

                Expect(JsonTokenType.StartObject, "\"tool.driver\"");
                while (NextProperty())
                {
                    if (!_reader.ValueTextEquals("rules"u8))
                    {
                        SkipValue();
                        continue;
                    }

                    Expect(JsonTokenType.StartArray, "\"tool.driver.rules\"");
                    while (NextElement(JsonTokenType.StartObject, "each element of \"rules\""))
                    {
                        rules.Add(ReadRule());
                    }
                }
            }
        }

        private RuleMetadata ReadRule()
        {
            string? id = null, title = null, helpUri = null, category = null;
            while (NextProperty())
            {
                if (_reader.ValueTextEquals("id"u8))
                {
                    id = ReadString("a rule's \"id\"");
                }
                else if (_reader.ValueTextEquals("shortDescription"u8))
                {
                    title = ReadTextObject("a rule's \"shortDescription\"");
                }
                else if (_reader.ValueTextEquals("helpUri"u8))
                {
                    helpUri = ReadString("a rule's \"helpUri\"");
                }
                else if (_reader.ValueTextEquals("properties"u8))
                {
                    Expect(JsonTokenType.StartObject, "a rule's \"properties\"");
                    while (NextProperty())
                    {
                        if (_reader.ValueTextEquals("category"u8))
                        {
                            category = ReadString("a rule's \"properties.category\"");
                        }
                        else
                        {
                            SkipValue();
                        }
                    }
                }
                else
                {
                    SkipValue();
                }
            }

            return new RuleMetadata(id ?? "", title, helpUri, category);
        }

        /// <summary>A result, or null when it is none of ours or its level is "none".</summary>
        private PendingResult? ReadResult()
        {
            var result = new PendingResult();
            var level = LevelToken.Absent;
            while (NextProperty())
            {
                if (_reader.ValueTextEquals("ruleId"u8))
                {
                    result.RuleId = ReadString("a result's \"ruleId\"");
                }
                else if (_reader.ValueTextEquals("ruleIndex"u8))
                {
                    result.RuleIndex = ReadInt("a result's \"ruleIndex\"");
                }
                else if (_reader.ValueTextEquals("rule"u8))
                {
                    ReadRuleReference(result);
                }
                else if (_reader.ValueTextEquals("level"u8))
                {
                    level = ReadLevel();
                }
                else if (_reader.ValueTextEquals("message"u8))
                {
                    result.Message = ReadTextObject("a result's \"message\"") ?? "";
                }
                else if (_reader.ValueTextEquals("locations"u8))
                {
                    ReadLocations(result);
                }
                else if (_reader.ValueTextEquals("suppressions"u8))
                {
                    result.Suppressed = ReadSuppressions();
                }
                else
                {
                    SkipValue();
                }
            }

            if (level == LevelToken.None || (result.RuleId is not null && !RuleCatalog.IsReadinessRuleId(result.RuleId)))
            {
                return null;
            }

            // SARIF: a result without "level" is a warning.
            result.Level = level switch
            {
                LevelToken.Error => FindingLevel.Error,
                LevelToken.Note => FindingLevel.Note,
                _ => FindingLevel.Warning,
            };
            return result;
        }

        private void ReadRuleReference(PendingResult result)
        {
            Expect(JsonTokenType.StartObject, "a result's \"rule\"");
            while (NextProperty())
            {
                if (_reader.ValueTextEquals("id"u8))
                {
                    result.RuleId ??= ReadString("a result's \"rule.id\"");
                }
                else if (_reader.ValueTextEquals("index"u8))
                {
                    result.RuleIndex = ReadInt("a result's \"rule.index\"");
                }
                else
                {
                    SkipValue();
                }
            }
        }

        private LevelToken ReadLevel()
        {
            _reader.Read();
            if (_reader.TokenType == JsonTokenType.String)
            {
                if (_reader.ValueTextEquals("error"u8))
                {
                    return LevelToken.Error;
                }

                if (_reader.ValueTextEquals("warning"u8))
                {
                    return LevelToken.Warning;
                }

                if (_reader.ValueTextEquals("note"u8))
                {
                    return LevelToken.Note;
                }

                if (_reader.ValueTextEquals("none"u8))
                {
                    return LevelToken.None;
                }
            }

            throw Shape("a result's \"level\" must be \"error\", \"warning\", \"note\" or \"none\"");
        }

        private void ReadLocations(PendingResult result)
        {
            Expect(JsonTokenType.StartArray, "a result's \"locations\"");
            var first = true;
            while (NextElement(JsonTokenType.StartObject, "each element of a result's \"locations\""))
            {
                if (!first)
                {
                    _reader.Skip();
                    continue;
                }

                first = false;
                while (NextProperty())
                {
                    if (_reader.ValueTextEquals("physicalLocation"u8))
                    {
                        ReadPhysicalLocation(result);
                    }
                    else
                    {
                        SkipValue();
                    }
                }
            }
        }

        private void ReadPhysicalLocation(PendingResult result)
        {
            Expect(JsonTokenType.StartObject, "\"physicalLocation\"");
            while (NextProperty())
            {
                if (_reader.ValueTextEquals("artifactLocation"u8))
                {
                    Expect(JsonTokenType.StartObject, "\"artifactLocation\"");
                    while (NextProperty())
                    {
                        if (_reader.ValueTextEquals("uri"u8))
                        {
                            result.Uri = ReadString("\"artifactLocation.uri\"");
                        }
                        else if (_reader.ValueTextEquals("uriBaseId"u8))
                        {
                            result.UriBaseId = ReadString("\"artifactLocation.uriBaseId\"");
                        }
                        else
                        {
                            SkipValue();
                        }
                    }
                }
                else if (_reader.ValueTextEquals("region"u8))
                {
                    Expect(JsonTokenType.StartObject, "\"region\"");
                    while (NextProperty())
                    {
                        if (_reader.ValueTextEquals("startLine"u8))
                        {
                            result.Line = ReadInt("\"region.startLine\"");
                        }
                        else if (_reader.ValueTextEquals("startColumn"u8))
                        {
                            result.Column = ReadInt("\"region.startColumn\"");
                        }
                        else
                        {
                            SkipValue();
                        }
                    }
                }
                else
                {
                    SkipValue();
                }
            }
        }

        /// <summary>Suppressed when any suppression's status is not "rejected" (absent means accepted).</summary>
        private bool ReadSuppressions()
        {
            Expect(JsonTokenType.StartArray, "a result's \"suppressions\"");
            var suppressed = false;
            while (NextElement(JsonTokenType.StartObject, "each element of a result's \"suppressions\""))
            {
                var rejected = false;
                while (NextProperty())
                {
                    if (_reader.ValueTextEquals("status"u8))
                    {
                        _reader.Read();
                        rejected = _reader.TokenType == JsonTokenType.String && _reader.ValueTextEquals("rejected"u8);
                    }
                    else
                    {
                        SkipValue();
                    }
                }

                suppressed |= !rejected;
            }

            return suppressed;
        }

        private void ReadUriBases(Dictionary<string, SarifUri.UriBase> bases)
        {
            Expect(JsonTokenType.StartObject, "\"originalUriBaseIds\"");
            while (NextProperty())
            {
                var id = _reader.GetString()!; // a property name is always a string
                Expect(JsonTokenType.StartObject, "each value of \"originalUriBaseIds\"");
                string? uri = null, baseId = null;
                while (NextProperty())
                {
                    if (_reader.ValueTextEquals("uri"u8))
                    {
                        uri = ReadString("\"originalUriBaseIds\" uri");
                    }
                    else if (_reader.ValueTextEquals("uriBaseId"u8))
                    {
                        baseId = ReadString("\"originalUriBaseIds\" uriBaseId");
                    }
                    else
                    {
                        SkipValue();
                    }
                }

                if (uri is not null)
                {
                    bases[id] = new SarifUri.UriBase(uri, baseId);
                }
            }
        }

        /// <summary>The <c>text</c> of a message-like object (<c>{"text": "..."}</c>), or null without one.</summary>
        private string? ReadTextObject(string what)
        {
            Expect(JsonTokenType.StartObject, what);
            string? text = null;
            while (NextProperty())
            {
                if (_reader.ValueTextEquals("text"u8))
                {
                    text = ReadString(what + " text");
                }
                else
                {
                    SkipValue();
                }
            }

            return text;
        }

        private string ReadString(string what)
        {
            _reader.Read();
            return _reader.TokenType == JsonTokenType.String
                ? _reader.GetString()!
                : throw Shape($"{what} must be a string, not {Describe(_reader.TokenType)}");
        }

        private int ReadInt(string what)
        {
            _reader.Read();
            return _reader.TokenType == JsonTokenType.Number && _reader.TryGetInt32(out var value)
                ? value
                : throw Shape($"{what} must be an integer, not {Describe(_reader.TokenType)}");
        }

        /// <summary>Moves to the next property name of the current object; false at its end.</summary>
        private bool NextProperty()
        {
            _reader.Read();
            return _reader.TokenType == JsonTokenType.PropertyName;
        }

        /// <summary>Moves to the next element of the current array, which must start with <paramref name="token"/>; false at its end.</summary>
        private bool NextElement(JsonTokenType token, string what)
        {
            _reader.Read();
            if (_reader.TokenType == JsonTokenType.EndArray)
            {
                return false;
            }

            return _reader.TokenType == token
                ? true
                : throw Shape($"{what} must be {Describe(token)}, not {Describe(_reader.TokenType)}");
        }

        /// <summary>Reads the value of the current property, which must start with <paramref name="token"/>.</summary>
        private void Expect(JsonTokenType token, string what)
        {
            _reader.Read();
            if (_reader.TokenType != token)
            {
                throw Shape($"{what} must be {Describe(token)}, not {Describe(_reader.TokenType)}");
            }
        }

        private void SkipValue()
        {
            _reader.Read();
            _reader.Skip();
        }

        private readonly ReportInputException Shape(string what)
        {
            var offset = (int)Math.Min(_reader.TokenStartIndex, _json.Length);
            var line = _json[..offset].Count((byte)'\n') + 1;
            return new ReportInputException($"{_path}: not a SARIF 2.1 log: {what} (line {line})");
        }
    }

    private enum LevelToken
    {
        Absent,
        None,
        Note,
        Warning,
        Error,
    }

    private sealed record RuleMetadata(string Id, string? Title, string? HelpUri, string? Category);

    /// <summary>A result while its run is read: its rule may only be known by index until the rules are read.</summary>
    private sealed class PendingResult
    {
        public string? RuleId { get; set; }

        public int RuleIndex { get; set; } = -1;

        public FindingLevel Level { get; set; }

        public string Message { get; set; } = "";

        public string? Uri { get; set; }

        public string? UriBaseId { get; set; }

        public int Line { get; set; }

        public int Column { get; set; }

        public bool Suppressed { get; set; }
    }
}
