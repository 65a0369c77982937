namespace Gateway.Notify;

/// <summary>Reads a request body up to a cap, without trusting Content-Length.</summary>
internal static class RequestBodyReader
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            return length > maxBytes ? null : await ReadAnnouncedAsync(request.Body, (int)length, cancellationToken);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // Providers send a Content-Length: one buffer of that size, no copies. The server ends the body at the
    // announced length, so it cannot grow past the cap; a body that ends early is what arrived.
    private static async Task<byte[]> ReadAnnouncedAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var read = await body.ReadAtLeastAsync(bytes, length, throwOnEndOfStream: false, cancellationToken);
        return read == length ? bytes : bytes[..read];
    }
}
