using FlightRec.Compiler.Building;
using Xunit;

namespace FlightRec.Compiler.Tests.Building;

public sealed class ModuleWorkDirectoryTests
{
    [Fact]
    public void ItIsAPrivateFrstapDirectoryUnderTheTemporaryDirectory()
    {
        using var work = ModuleWorkDirectory.Create(keep: false);

        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "frstap"), work.Path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(work.Path));
    }

    [Fact]
    public void KeepAfterCreationAlsoKeepsIt()
    {
        string path;
        using (var work = ModuleWorkDirectory.Create(keep: false))
        {
            path = work.Path;
            work.WriteFile("m.cs", "text");
            work.Keep();
        }

        Assert.Equal("text", File.ReadAllText(Path.Combine(path, "m.cs")));
        Directory.Delete(path, recursive: true);
    }
}
