using Npgsql;

namespace Gateway.Store.Tests;

public class PostgreSqlDialectTests
{
    [Fact]
    public void Tuned_SkipsTheResetAndPreparesTheHotStatements_WhenTheConnectionStringSaysNothing()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlDialect.Tuned("Host=127.0.0.1;Username=gateway;Database=payments"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.Equal("payments", tuned.Database);
    }

    [Theory]
    [InlineData("Host=h;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=h;NoResetOnClose=false;MaxAutoPrepare=0")]
    [InlineData("Host=h;noresetonclose=False;max auto prepare=0")]
    public void Tuned_KeepsWhatTheConnectionStringSays(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlDialect.Tuned(connectionString));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }
}
