namespace IceWatch.Grains.Alerting;

public enum AlertStatus
{
    Ok,
    Firing,
}
