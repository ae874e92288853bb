namespace IceWatch.Grains.Alerting;

public enum AlertTransition
{
    None,
    Fired,
    Resolved,
}
