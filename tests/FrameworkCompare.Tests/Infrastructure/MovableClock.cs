namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>A clock a test moves by hand, for what changes with the date alone (stale marks, the freshness line).</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
