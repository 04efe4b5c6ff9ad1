using System;

namespace TradingEngine;

internal static class Program
{
    private static int Main()
    {
        Console.WriteLine("TradingEngine sample");
        return 0;
    }
}
