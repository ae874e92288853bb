using System.Buffers.Binary;
using System.Text;

namespace IceWatch.Observability.Tests;

/// <summary>The protobuf wire format, just enough to walk OTLP messages: varints, fixed64/32 and length-delimited fields.</summary>
public ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    public bool Next(out int field, out int wireType)
    {
        field = wireType = 0;
        if (_at >= _data.Length) return false;
        var tag = Varint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    public ulong Fixed64()
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_at..]);
        _at += 8;
        return value;
    }

    public double Double() => BitConverter.UInt64BitsToDouble(Fixed64());

    public ReadOnlySpan<byte> Bytes()
    {
        var length = (int)Varint();
        var bytes = _data.Slice(_at, length);
        _at += length;
        return bytes;
    }

    public string String() => Encoding.UTF8.GetString(Bytes());

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: Varint(); break;
            case 1: _at += 8; break;
            case 2: Bytes(); break;
            case 5: _at += 4; break;
            default: throw new FormatException($"wire type {wireType}");
        }
    }
}
