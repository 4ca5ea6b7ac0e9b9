using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tests.Values;

public sealed class ScriptMathTests
{
    [Theory]
    [InlineData(7, 2, 3)]
    [InlineData(-7, 2, -3)]
    [InlineData(7, -2, -3)]
    [InlineData(long.MinValue, -1, long.MinValue)]
    public void DivisionTruncatesTowardZeroAndNeverTraps(long x, long y, long expected) =>
        Assert.Equal(expected, ScriptMath.Divide(x, y, null));

    [Theory]
    [InlineData(7, 2, 1)]
    [InlineData(-7, 2, -1)]
    [InlineData(7, -2, 1)]
    [InlineData(long.MinValue, -1, 0)]
    [InlineData(5, 1, 0)]
    public void ModuloTakesTheSignOfTheDividend(long x, long y, long expected) =>
        Assert.Equal(expected, ScriptMath.Modulo(x, y, null));

    [Fact]
    public void DivisionByZeroIsAScriptErrorNearTheOperator()
    {
        var e = Assert.Throws<ScriptError>(() => ScriptMath.Divide(1, 0, "operator '/' at t.frs:1:46"));
        Assert.Equal("division by 0", e.Message);
        Assert.Equal("ERROR: division by 0 near operator '/' at t.frs:1:46", e.Report);
        Assert.True(e.Catchable);
    }

    [Fact]
    public void ShiftCountsUseTheLowSixBits()
    {
        Assert.Equal(2, ScriptMath.ShiftLeft(1, 65));
        Assert.Equal(-1, ScriptMath.ShiftRight(-1, 63));
        Assert.Equal(1, ScriptMath.ShiftRightLogical(-1, 63));
    }
}
