using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sightline.Web.Infrastructure;

namespace Sightline.Web.Tests;

public sealed class ErrorResponsesTests
{
    [Fact]
    public void An_unreachable_or_busy_database_is_503_so_clients_retry()
    {
        Assert.Equal(503, ErrorResponses.StatusFor(new System.Net.Sockets.SocketException()));
        Assert.Equal(503, ErrorResponses.StatusFor(new TimeoutException()));
        Assert.Equal(503, ErrorResponses.StatusFor(new DbUpdateException("save failed", new SqliteException("database is locked", 5))));
    }

    [Fact]
    public void A_broken_constraint_or_a_bug_is_500()
    {
        Assert.Equal(500, ErrorResponses.StatusFor(new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed", 19))));
        Assert.Equal(500, ErrorResponses.StatusFor(new InvalidOperationException()));
        Assert.Equal(500, ErrorResponses.StatusFor(null));
    }
}
