using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

[Collection(TracefsEnvironmentCollection.Name)]
public sealed class TracefsEnvironmentTests
{
    [Fact]
    public void TheEnvironmentVariableChoosesTheRoot()
    {
        using var tracefs = new FakeTracefs().WithAvailableEvents("fake:only_here").WithEvent("fake:only_here", FormatTexts.SchedSwitch);

        var catalogue = WithOverride(tracefs.Root, TracefsCatalogue.Open);

        Assert.Equal(tracefs.Root, catalogue.Root);
        Assert.Equal(["fake:only_here"], catalogue.Events);
        Assert.Equal(372, catalogue.Format("fake:only_here").Id);
    }

    [Fact]
    public void AMissingOverrideSaysItCameFromTheEnvironment()
    {
        using var tracefs = new FakeTracefs();
        string root = Path.Combine(tracefs.Root, "nowhere");

        var catalogue = WithOverride(root, TracefsCatalogue.Open);

        Assert.Equal($"no tracefs at {root} (from FLIGHTREC_TRACEFS): no such directory", catalogue.UnavailableReason);
    }

    [Fact]
    public void TheVariableIsReadWhenOpeningNotOnFirstUse()
    {
        using var tracefs = new FakeTracefs().WithAvailableEvents("fake:only_here");

        var catalogue = WithOverride(tracefs.Root, TracefsCatalogue.Open);

        Assert.Equal(["fake:only_here"], catalogue.Events);
    }

    // Opens with FLIGHTREC_TRACEFS set; the listing is read later, after it is restored.
    private static TracefsCatalogue WithOverride(string root, Func<TracefsCatalogue> open)
    {
        string? saved = Environment.GetEnvironmentVariable(TracefsCatalogue.EnvironmentVariable);
        Environment.SetEnvironmentVariable(TracefsCatalogue.EnvironmentVariable, root);
        try
        {
            return open();
        }
        finally
        {
            Environment.SetEnvironmentVariable(TracefsCatalogue.EnvironmentVariable, saved);
        }
    }
}
