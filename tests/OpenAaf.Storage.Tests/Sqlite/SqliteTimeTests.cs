using OpenAaf.Storage.Sqlite;

namespace OpenAaf.Storage.Tests.Sqlite;

public sealed class SqliteTimeTests
{
    [Theory]
    [InlineData("2018-09-26T15:30:00.201926+00:00")]
    [InlineData("2018-09-26T17:30:00.201926+02:00")]
    [InlineData("1969-12-31T23:59:59.999999+00:00")]
    [InlineData("0001-01-01T00:00:00+00:00")]
    public void ToMicros_ThenFromMicros_RoundTripsMicrosecondTimes(string text)
    {
        // Arrange
        var time = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var back = SqliteTime.FromMicros(SqliteTime.ToMicros(time));

        // Assert
        Assert.Equal(time.UtcTicks, back.UtcTicks);
        Assert.Equal(TimeSpan.Zero, back.Offset);
    }

    [Fact]
    public void ToMicros_SubMicrosecondTicks_AreTruncatedDownward()
    {
        var time = DateTimeOffset.UnixEpoch.AddTicks(-1);

        Assert.Equal(-1, SqliteTime.ToMicros(time));
        Assert.Equal(1, SqliteTime.ToMicros(DateTimeOffset.UnixEpoch.AddTicks(19)));
    }

    [Fact]
    public void MaxValue_RoundTripsExactly()
    {
        Assert.Equal(DateTimeOffset.MaxValue, SqliteTime.FromMicros(SqliteTime.ToMicros(DateTimeOffset.MaxValue)));
    }
}
