using System.Globalization;
using System.Security.Cryptography;
using Gateway.WeChatPayV3.Verification;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.WeChatPayV3.Tests.Verification;

/// <summary>Certificate mode's cache: first download, one refresh per unknown serial, rate limit, refresh before expiry.</summary>
public sealed class PlatformCertificateSourceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-29T10:00:00Z", CultureInfo.InvariantCulture));
    private readonly RSA _oldKey = RSA.Create(2048);
    private readonly RSA _newKey = RSA.Create(2048);
    private readonly List<PlatformCertificate> _published = [];
    private int _downloads;

    public PlatformCertificateSourceTests()
    {
        _published.Add(new("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", _time.GetUtcNow().AddDays(-10), _time.GetUtcNow().AddDays(30), _oldKey));
    }

    [Fact]
    public async Task FirstLookup_Downloads_ThenServesFromTheCache_CaseInsensitively()
    {
        using var source = Source();

        Assert.Same(_oldKey, await source.FindAsync("5157f09efdc096de15ebe81a47057a7232f1b8e1", default));
        Assert.Same(_oldKey, await source.FindAsync("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", default));
        Assert.Equal(1, _downloads);
    }

    [Fact]
    public async Task UnknownSerial_RefreshesOnce_AndFindsANewCertificate()
    {
        using var source = Source();
        await source.FindAsync("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", default);
        _time.Advance(TimeSpan.FromMinutes(2));
        _published.Add(new("7132D72A03E93CDDF8C03BBD1F37EEDF9C1D6F3A", _time.GetUtcNow(), _time.GetUtcNow().AddYears(5), _newKey));

        Assert.Same(_newKey, await source.FindAsync("7132D72A03E93CDDF8C03BBD1F37EEDF9C1D6F3A", default));
        Assert.Equal(2, _downloads);
    }

    [Fact]
    public async Task UnknownSerials_NeverLoop_AndRefreshAtMostOncePerMinimumInterval()
    {
        using var source = Source();
        Assert.Null(await source.FindAsync("FORGED00000000000000000000000000000000001", default));
        Assert.Null(await source.FindAsync("FORGED00000000000000000000000000000000002", default));
        Assert.Null(await source.FindAsync("FORGED00000000000000000000000000000000003", default));
        Assert.Equal(1, _downloads);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await source.FindAsync("FORGED00000000000000000000000000000000004", default));
        Assert.Equal(2, _downloads);
    }

    [Fact]
    public async Task RefreshesBeforeTheNewestCertificateExpires_AndNeverUsesAnExpiredOne()
    {
        using var source = Source();
        await source.FindAsync("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", default);
        _time.Advance(TimeSpan.FromHours(11));
        await source.FindAsync("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", default);
        Assert.Equal(1, _downloads);

        // Twelve hours on: due again.
        _time.Advance(TimeSpan.FromHours(1));
        await source.FindAsync("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", default);
        Assert.Equal(2, _downloads);

        _time.Advance(TimeSpan.FromDays(31));
        Assert.Null(await source.FindAsync("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", default));
    }

    [Fact]
    public async Task AFailedRefresh_KeepsTheCertificatesItHas()
    {
        var fail = false;
        using var source = new PlatformCertificateSource(_ => fail ? throw new HttpRequestException("down") : Task.FromResult<IReadOnlyList<PlatformCertificate>>([.. _published]), _time);
        await source.FindAsync("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", default);
        fail = true;
        _time.Advance(TimeSpan.FromHours(13));

        Assert.Same(_oldKey, await source.FindAsync("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", default));
    }

    public void Dispose()
    {
        _oldKey.Dispose();
        _newKey.Dispose();
    }

    private PlatformCertificateSource Source() => new(_ =>
    {
        _downloads++;
        return Task.FromResult<IReadOnlyList<PlatformCertificate>>([.. _published]);
    }, _time);
}
