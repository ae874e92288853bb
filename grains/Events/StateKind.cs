namespace IceWatch.Grains.Events;

public enum StateKind
{
    Ice,
    Connection,
    Gathering,
    Signaling,
}
