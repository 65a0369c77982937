using System.Text;
using Microsoft.AspNetCore.Http;

namespace Gateway.Notify.Tests;

/// <summary>The notify body is read whole up to the cap, with or without a Content-Length.</summary>
public class RequestBodyReaderTests
{
    private static HttpRequest Request(byte[] body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyWithinTheCap_IsReadWhole(bool announced)
    {
        var body = Encoding.UTF8.GetBytes(new string('x', 20_000));

        var read = await RequestBodyReader.ReadAsync(Request(body, announced ? body.Length : null), 64 * 1024, default);

        Assert.Equal(body, read);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverTheCap_IsRefused(bool announced)
    {
        var body = new byte[2049];

        Assert.Null(await RequestBodyReader.ReadAsync(Request(body, announced ? body.Length : null), 2048, default));
    }

    [Fact]
    public async Task BodyShorterThanAnnounced_IsWhatArrived()
    {
        var body = Encoding.UTF8.GetBytes("<xml>cut</xml>");

        var read = await RequestBodyReader.ReadAsync(Request(body, 100), 2048, default);

        Assert.Equal(body, read);
    }
}
