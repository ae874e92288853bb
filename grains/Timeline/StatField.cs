namespace IceWatch.Grains.Timeline;

/// <summary>One field of a getStats object at one time: its name and its value.</summary>
public readonly record struct StatField(string Name, StatValue Value);
