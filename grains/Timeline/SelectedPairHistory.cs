namespace IceWatch.Grains.Timeline;

/// <summary>Keeps the time-ordered list of selected pair ids with consecutive repeats collapsed.</summary>
internal static class SelectedPairHistory
{
    public static void Record(List<SelectedPairChange> history, DateTimeOffset time, string pairId)
    {
        var index = history.FindLastIndex(c => c.Time <= time);
        if (index >= 0 && history[index].PairId == pairId) return;
        if (index + 1 < history.Count && history[index + 1].PairId == pairId)
        {
            history[index + 1] = new SelectedPairChange(time, pairId);
            return;
        }
        history.Insert(index + 1, new SelectedPairChange(time, pairId));
    }
}
