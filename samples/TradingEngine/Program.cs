using System;
using System.Globalization;
using System.IO;
using System.Threading;
using TradingEngine.Exchange;

namespace TradingEngine;

internal static class Program
{
    private static readonly string[] s_symbols = ["BTCUSDT", "ETHUSDT"];

    /// <summary>
    /// Without arguments: build the engine, print what was wired, exit (no network).
    /// <c>--run [seconds]</c>: start it against <see cref="ExchangeSettings.MarketDataUrl"/> for a while;
    /// <c>--sim [seconds]</c>: the same against the local replay simulator.
    /// </summary>
    private static int Main(string[] args)
    {
        var settings = ExchangeSettings.Demo();
        var endpoint = new Uri(args.Length > 0 && args[0] == "--sim" ? ExchangeSettings.LocalSimulatorUrl : ExchangeSettings.MarketDataUrl);
        var stateDirectory = Path.Combine(Path.GetTempPath(), "trading-engine-sample");

        using var host = new EngineHost(settings, endpoint, s_symbols, EngineHost.DefaultLimits, stateDirectory);
        if (args.Length == 0)
        {
            Console.WriteLine($"TradingEngine sample: {host.BookCount} books, risk checks and router wired; not started.");
            Console.WriteLine("Pass --run [seconds] or --sim [seconds] to start it.");
            return 0;
        }

        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Directory.CreateDirectory(stateDirectory);
        host.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));

        if (!host.StopAsync().Wait(TimeSpan.FromSeconds(15)))
        {
            Console.Error.WriteLine("engine did not stop within 15 s");
            Environment.Exit(2);
        }

        return host.Faulted ? 1 : 0;
    }
}
