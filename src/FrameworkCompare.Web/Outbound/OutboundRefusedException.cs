namespace FrameworkCompare.Web.Outbound;

/// <summary>A request the outbound policy would not send; an HttpRequestException so callers treat it as the request failing.</summary>
public sealed class OutboundRefusedException(string reason) : HttpRequestException("refused: " + reason)
{
    public string Reason { get; } = reason;
}
