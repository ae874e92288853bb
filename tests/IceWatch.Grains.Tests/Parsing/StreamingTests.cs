using System.Text;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

public class StreamingTests
{
    [Fact]
    public void The_first_events_of_a_huge_dump_come_before_much_of_it_is_read()
    {
        using var dump = new GeneratedDump(peerConnections: 2000);

        var first = UploadReader.Read(dump).Take(3).ToList();

        Assert.IsType<ObservationNoted>(first[0]);
        Assert.IsType<StatsObserved>(first[1]);
        Assert.All(first, e => Assert.Equal("1-0", e.PeerConnectionId));
        Assert.True(dump.BytesServed < 2_000_000, $"read {dump.BytesServed} bytes of about {dump.ApproximateLength}");
        Assert.True(dump.ApproximateLength > 200_000_000);
    }

    [Fact]
    public void Values_larger_than_the_read_buffer_are_read_whole()
    {
        using var dump = new GeneratedDump(peerConnections: 3);

        var events = UploadReader.Read(dump).ToList();

        Assert.Equal(3, events.OfType<PeerConnectionCreated>().Count());
        Assert.Equal(3 * GeneratedDump.Points, events.OfType<StatsObserved>().Count());
        Assert.Equal(3, events.OfType<ObservationNoted>().Count());
    }

    /// <summary>A webrtc-internals dump written on demand, so its size costs no memory in the test.</summary>
    private sealed class GeneratedDump(int peerConnections) : Stream
    {
        public const int Points = 1000;
        private static readonly byte[] PeerConnection = Encoding.UTF8.GetBytes(
            "{\"rtcConfiguration\":\"{\\\"iceServers\\\":[]}\",\"stats\":{\"CP1-label\":{\"statsType\":\"candidate-pair\","
            + "\"startTime\":\"2026-11-22T06:00:00Z\",\"endTime\":\"2026-11-22T06:16:39Z\",\"values\":\"["
            + string.Join(",", Enumerable.Repeat("\\\"" + new string('x', 100) + "\\\"", Points)) + "]\"}},"
            + "\"updateLog\":[{\"timestamp\":1795327200000,\"type\":\"oniceconnectionstatechange\",\"value\":\"\\\"checking\\\"\"}]}");

        private readonly IEnumerator<byte[]> chunks = Chunks(peerConnections).GetEnumerator();
        private ReadOnlyMemory<byte> current = ReadOnlyMemory<byte>.Empty;

        public long BytesServed { get; private set; }

        public long ApproximateLength => (long)PeerConnection.Length * peerConnections;

        private static IEnumerable<byte[]> Chunks(int count)
        {
            yield return "{\"PeerConnections\":{"u8.ToArray();
            for (var i = 0; i < count; i++)
            {
                yield return Encoding.UTF8.GetBytes((i > 0 ? "," : "") + $"\"1-{i}\":");
                yield return PeerConnection;
            }

            yield return "}}"u8.ToArray();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (current.IsEmpty)
            {
                if (!chunks.MoveNext())
                {
                    return 0;
                }

                current = chunks.Current;
            }

            var n = Math.Min(count, current.Length);
            current.Span[..n].CopyTo(buffer.AsSpan(offset, n));
            current = current[n..];
            BytesServed += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
