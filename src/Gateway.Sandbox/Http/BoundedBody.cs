namespace Gateway.Sandbox.Http;

/// <summary>Reads a body into memory without trusting its declared length.</summary>
internal static class BoundedBody
{
    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> + 1 bytes, so a caller can tell "too large" apart
    /// from "exactly at the cap" without buffering an unbounded stream.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (buffer.Length <= maxBytes)
        {
            var read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
