namespace MdoBot.Infra.Tests;

/// <summary>A parameter file with a missing or malformed value fails build-params with a message that points at it.</summary>
public sealed class ParameterFileTests
{
    private const string Header = "using './azure.bicep'\nparam resourceBaseName = 'mdobot-test'\n";

    /// <summary>Bad parameter files, all compiled in one call of the CLI.</summary>
    private static readonly Dictionary<string, string> Bad = new()
    {
        ["bad-type"] = Header + "param instanceCount = 'two'\n",
        ["bad-zero"] = Header + "param instanceCount = 0\n",
        ["bad-sku"] = Header + "param appServiceSku = 'F1'\n",
        ["bad-tenants"] = Header + "param additionalAllowedTenants = ['a', 'b', 'c', 'd']\n",
        ["bad-retention"] = Header + "param postgresBackupRetentionDays = 1\n",
        ["bad-missing"] = "using './azure.bicep'\nparam instanceCount = 2\n",
        ["bad-env"] = "using './azure.bicep'\nparam resourceBaseName = readEnvironmentVariable('MDOBOT_TEST_UNSET', 'ab')\n",
    };

    private static readonly Lazy<Task<Bicep.Result>> Compiled = new(async () =>
    {
        using var infra = new TempInfra();
        foreach (var (name, text) in Bad)
        {
            infra.Write(name + ".bicepparam", text);
        }

        var outDir = Path.Combine(infra.Dir, "out");
        return await Bicep.RunAsync(infra.Dir, "build-params", "--pattern", "bad-*.bicepparam", "--outdir", outDir);
    });

    [Theory]
    [InlineData("bad-type", "(3,23) : Error BCP033", "Expected a value of type \"int\"")]
    [InlineData("bad-zero", "(3,23) : Error BCP328", "minimum allowable value is 1")]
    [InlineData("bad-sku", "(3,23) : Error BCP033", "'P0v3'")]
    [InlineData("bad-tenants", "(3,34) : Error BCP332", "maximum allowable length is 3")]
    [InlineData("bad-retention", "(3,", "minimum allowable value is 7")]
    [InlineData("bad-missing", "(1,7) : Error BCP258", "missing an assignment in the params file: \"resourceBaseName\"")]
    [InlineData("bad-env", "(2,26) : Error BCP333", "minimum allowable length is 3")]
    public async Task Bad_value_fails_with_its_file_line_and_reason(string file, string position, string reason)
    {
        var result = await Compiled.Value;
        Assert.NotEqual(0, result.ExitCode);
        var line = result.Stderr.Split('\n').SingleOrDefault(l => l.Contains(file + ".bicepparam", StringComparison.Ordinal));
        Assert.True(line is not null, result.Stderr);
        Assert.Contains(file + ".bicepparam" + position, line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_runs_at_least_two_instances_and_development_one()
    {
        var prod = await ArmTemplate.ParametersAsync("prod");
        var dev = await ArmTemplate.ParametersAsync("dev");
        Assert.True(prod["instanceCount"]!["value"]!.GetValue<int>() >= 2);
        Assert.Equal(1, dev["instanceCount"]!["value"]!.GetValue<int>());
        Assert.True(prod["postgresGeoRedundantBackup"]!["value"]!.GetValue<bool>());
    }
}
