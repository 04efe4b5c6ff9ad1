using System;

namespace TradingEngine;

/// <summary>
/// Marks code that runs on every market-data tick or order event. Nothing on a hot path may block:
/// a 5 ms stall here is a quote left stale for 5 ms while the market moves through it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Class, Inherited = false)]
internal sealed class HotPathAttribute : Attribute
{
}
