namespace Gateway.Fuzz;

/// <summary>Reads one input into a reused buffer, so the fuzz loop does not allocate per input.</summary>
internal sealed class InputBuffer
{
    private byte[] _buffer = new byte[1 << 20];

    public ReadOnlyMemory<byte> Read(Stream stream)
    {
        var length = 0;
        int read;
        while ((read = stream.Read(_buffer, length, _buffer.Length - length)) > 0)
        {
            length += read;
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        return _buffer.AsMemory(0, length);
    }
}
