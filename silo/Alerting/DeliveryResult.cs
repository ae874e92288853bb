namespace IceWatch.Silo;

internal sealed record DeliveryResult(bool Ok, bool Permanent, string? Error)
{
    public static DeliveryResult Delivered { get; } = new(true, false, null);
}
