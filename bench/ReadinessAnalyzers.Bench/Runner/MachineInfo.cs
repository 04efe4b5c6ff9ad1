using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>The machine a run was taken on, as the report describes it.</summary>
internal sealed record MachineInfo(int Cores, string Memory, string Cpu, string Dotnet, string? SdkBasePath)
{
    public static async Task<MachineInfo> CollectAsync()
    {
        var info = await Runner.Dotnet.CaptureAsync(["--info"]).ConfigureAwait(false);
        var basePath = Field(info, "Runtime Environment", "Base Path:");
        return new MachineInfo(Environment.ProcessorCount, ReadMemory(), ReadCpu(), DotnetSummary(info), basePath == "?" ? null : basePath);
    }

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg gives them.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(", ", parts.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string ReadMemory()
    {
        var line = ReadProc("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        if (line is null)
        {
            return "unknown";
        }

        var kb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (kb / 1024 / 1024).ToString("F1", CultureInfo.InvariantCulture) + " GiB";
    }

    private static string ReadCpu()
    {
        var line = ReadProc("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string[] ReadProc(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>SDK version, host runtime, OS and RID from <c>dotnet --info</c>.</summary>
    private static string DotnetSummary(string info)
    {
        return "SDK " + Field(info, ".NET SDK", "Version:")
            + ", host " + Field(info, "Host", "Version:")
            + ", " + Field(info, "Runtime Environment", "OS Name:") + " " + Field(info, "Runtime Environment", "OS Version:")
            + " (" + Field(info, "Runtime Environment", "RID:") + ")";
    }

    // The value of "key: value" in the given section of `dotnet --info` (its first line is the heading).
    private static string Field(string info, string section, string key)
    {
        var lines = info.Split('\n');
        var inSection = section.Length == 0;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (!inSection)
            {
                inSection = line.StartsWith(section, StringComparison.Ordinal);
                continue;
            }

            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return "?";
    }
}
